#pragma once

#include <QDialog>

#include <cstdint>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace clientele {

class ProfileSearchRunner;
struct ProfileSearchResult;

/**
 * Picks the profile to merge the current one with: a search field with results as you
 * type (on a worker), the current profile left out. Tests answer it through
 * setNextChoice().
 */
class MergeWithDialog : public QDialog {
    Q_OBJECT

public:
    MergeWithDialog(const QString &workspacePath, std::int64_t currentProfile,
        const QString &currentName, QWidget *parent = nullptr);

    std::optional<std::int64_t> chosenProfile() const;
    QString chosenName() const;

    /// Shows the dialog; the chosen profile id and its name, or nullopt when cancelled.
    static std::optional<std::pair<std::int64_t, QString>> ask(QWidget *parent,
        const QString &workspacePath, std::int64_t currentProfile, const QString &currentName);
    /// For tests: what the next ask() returns without showing.
    static void setNextChoice(std::optional<std::pair<std::int64_t, QString>> choice);

private:
    void showResults(const ProfileSearchResult &result);

    std::int64_t current_ = 0;
    ProfileSearchRunner *search_ = nullptr;
    QLineEdit *field_ = nullptr;
    QListWidget *results_ = nullptr;
    QLabel *status_ = nullptr;
    QDialogButtonBox *buttons_ = nullptr;
    static inline bool hasNextChoice_ = false;
    static inline std::optional<std::pair<std::int64_t, QString>> nextChoice_;
};

} // namespace clientele
