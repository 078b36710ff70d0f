#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace clientele {

/**
 * A file that cannot be imported at all, with a message a marketer can read. Problems with
 * single rows are not errors of this kind: the readers return those rows with a reason, so
 * that the import job can write them to the reject log and carry on.
 */
class IngestError : public std::runtime_error {
public:
    enum class Kind {
        CannotOpen, ///< missing file, a folder, no permission
        ReadFailed, ///< the disk or the stream failed while reading
        DamagedCompression, ///< a gzip file that is corrupt or cut off
        UnsupportedFormat, ///< a ZIP archive, an Excel workbook, UTF-16 text
        NoHeader, ///< an empty file where a header line with column names was expected
        BadHeader, ///< a header line that cannot be read (open quote, wrong encoding)
        RecordTooLong ///< one line longer than the reader's limit: not a text table
    };

    IngestError(Kind kind, const std::string &message)
        : std::runtime_error(message)
        , kind_(kind)
    {
    }

    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

/// "line 1,204": how row problems name their place, with thousands separators for reading.
inline std::string describeLine(std::int64_t line)
{
    std::string digits = std::to_string(line < 0 ? -line : line);
    std::string grouped;
    grouped.reserve(digits.size() + digits.size() / 3 + 6);
    grouped += line < 0 ? "line -" : "line ";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

} // namespace clientele
