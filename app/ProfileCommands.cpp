#include "CommandLine.h"
#include "CommandLineSupport.h"

#include "export/ExportJob.h"
#include "profile/CustomerList.h"
#include "profile/Privacy.h"
#include "profile/ProfileReader.h"
#include "profile/ProfileSearch.h"
#include "profile/ProfileTraits.h"
#include "profile/Rfm.h"
#include "profile/TraitBuilder.h"
#include "store/Workspace.h"
#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QElapsedTimer>

#include <exception>
#include <optional>

namespace clientele {

using namespace cli;

int CommandLine::runProfile(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    if (action == QLatin1String("show"))
        return runProfileShow(arguments.mid(1));
    if (action == QLatin1String("search"))
        return runProfileSearch(arguments.mid(1));
    if (action == QLatin1String("erase"))
        return runProfileErase(arguments.mid(1));
    if (action == QLatin1String("export"))
        return runProfileExport(arguments.mid(1));
    if (action == QLatin1String("rebuild-traits"))
        return runProfileRebuildTraits(arguments.mid(1));
    err() << tr("Usage: clientele profile show|search|export|erase|rebuild-traits --workspace "
                "FILE … "
                "(see clientele --help)")
          << Qt::endl;
    return 2;
}

void CommandLine::printTraits(Database &db, std::int64_t profileId)
{
    out() << tr("Traits:") << Qt::endl;
    const auto traits = ProfileTraits::load(db, profileId);
    if (!traits) {
        out() << tr("  not computed yet") << Qt::endl;
        return;
    }
    const auto date = [](const std::optional<Millis> &ts) {
        return ts ? fromStd(formatIsoDate(*ts)) : QStringLiteral("-");
    };
    const auto text = [](const std::string &value) {
        return value.empty() ? QStringLiteral("-") : fromStd(value);
    };
    out() << tr("  orders %1, revenue %2, average order %3, first order %4, last order %5")
                 .arg(traits->orders)
                 .arg(traits->revenue, 0, 'f', 2)
                 .arg(traits->averageOrderValue
                         ? QString::number(*traits->averageOrderValue, 'f', 2)
                         : QStringLiteral("-"),
                     date(traits->firstOrder), date(traits->lastOrder))
          << Qt::endl;
    out() << tr("  RFM %1 (R%2 F%3 M%4), refunds %5")
                 .arg(traits->rfmGroup.empty() ? QStringLiteral("-")
                                               : fromStd(rfmGroupName(traits->rfmGroup)))
                 .arg(traits->rfmRecency.value_or(0))
                 .arg(traits->rfmFrequency.value_or(0))
                 .arg(traits->rfmMonetary.value_or(0))
                 .arg(traits->refunds)
          << Qt::endl;
    out() << tr("  open cart %1 (%2 items, since %3), abandoned carts %4")
                 .arg(traits->cartValue, 0, 'f', 2)
                 .arg(traits->cartItems)
                 .arg(date(traits->cartAbandonedSince))
                 .arg(traits->abandonedCarts)
          << Qt::endl;
    out() << tr("  emails in the last 30 days: %1 received, %2 opened, %3 clicked; last open %4")
                 .arg(traits->emailsReceived30d)
                 .arg(traits->emailsOpened30d)
                 .arg(traits->emailsClicked30d)
                 .arg(date(traits->lastEmailOpen))
          << Qt::endl;
    out() << tr("  favourite category %1, brand %2; channels %3; first seen %4, last seen %5")
                 .arg(text(traits->favouriteCategory), text(traits->favouriteBrand),
                     text(traits->channels), date(traits->firstSeen), date(traits->lastSeen))
          << Qt::endl;
    out() << tr("  loyalty %1 (%2 points), open tickets %3")
                 .arg(text(traits->loyaltyTier))
                 .arg(traits->loyaltyPoints ? QString::number(*traits->loyaltyPoints)
                                            : QStringLiteral("-"))
                 .arg(traits->openTickets)
          << Qt::endl;
}

int CommandLine::runProfileShow(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Shows a shopper: attributes, identifiers, consents and "
                                        "the merges that formed the profile."));
    const ProfileOptions common;
    common.addTo(parser);
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the profile as one JSON object on stdout."));
    parser.addOption(jsonOption);
    parser.addPositionalArgument(QStringLiteral("KIND:VALUE"),
        tr("The shopper, e.g. email:ana@example.com, phone:+4915112345678, customer_id:17850 or "
           "profile:42."));
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(common.workspace) || parser.positionalArguments().size() != 1) {
        err() << tr("Usage: clientele profile show --workspace FILE KIND:VALUE [--json]")
              << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(common.workspace).toStdString());
        const auto profile = findProfile(
            workspace, parser.positionalArguments().constFirst(), parser.value(common.country));
        if (!profile)
            return 1;
        ProfileReader reader(workspace.db());
        const auto record = reader.load(*profile);
        if (!record)
            return 1;
        if (parser.isSet(jsonOption)) {
            nlohmann::json document = profileRecordJson(*record);
            document["traits"] = storedTraitsJson(workspace.db(), record->id);
            printJson(document);
            return 0;
        }
        out() << tr("Profile %1: %2").arg(record->id).arg(fromStd(record->displayName()))
              << Qt::endl;
        out() << tr("  created %1; country %2, city %3, time zone %4")
                     .arg(fromStd(formatIsoDateTime(record->createdAt)),
                         fromStd(record->country.empty() ? "-" : record->country),
                         fromStd(record->city.empty() ? "-" : record->city),
                         fromStd(record->timezone.empty() ? "-" : record->timezone))
              << Qt::endl;
        out() << tr("Identities:") << Qt::endl;
        for (const ProfileIdentity &identity : record->identities) {
            out() << QStringLiteral("  %1 %2  ")
                         .arg(fromStd(identity.kind), -13)
                         .arg(fromStd(identity.value))
                  << tr("(from %1, first seen %2)")
                         .arg(fromStd(identity.source.empty() ? "?" : identity.source),
                             fromStd(formatIsoDateTime(identity.firstSeen)))
                  << Qt::endl;
        }
        out() << tr("Consents:") << Qt::endl;
        if (record->consents.empty())
            out() << tr("  none recorded") << Qt::endl;
        for (const ProfileConsent &consent : record->consents) {
            out() << QStringLiteral("  %1 %2  ")
                         .arg(fromStd(consent.channel), -6)
                         .arg(fromStd(consent.status), -12)
                  << tr("(from %1, %2)")
                         .arg(fromStd(consent.source.empty() ? "?" : consent.source),
                             fromStd(formatIsoDateTime(consent.ts)))
                  << Qt::endl;
        }
        printTraits(workspace.db(), record->id);
        out() << tr("Merges:") << Qt::endl;
        if (record->merges.empty())
            out() << tr("  none") << Qt::endl;
        for (const ProfileMerge &merge : record->merges) {
            const QString via = merge.identityKind.empty()
                ? QString()
                : tr(" via %1 '%2'").arg(fromStd(merge.identityKind), fromStd(merge.identityValue));
            out() << QStringLiteral("  #%1 %2 ")
                         .arg(merge.id)
                         .arg(fromStd(formatIsoDateTime(merge.ts)))
                  << (merge.action == "split" ? tr("split profile %1 out of %2")
                                                    .arg(merge.mergedProfileId)
                                                    .arg(merge.keptProfileId)
                                              : tr("merged profile %1 into %2")
                                                    .arg(merge.mergedProfileId)
                                                    .arg(merge.keptProfileId))
                  << via << QStringLiteral(": ") << fromStd(merge.reason)
                  << (merge.undoneAt
                             ? tr(" (undone %1)").arg(fromStd(formatIsoDateTime(*merge.undoneAt)))
                             : QString())
                  << Qt::endl;
        }
        if (!record->refusals.empty()) {
            out() << tr("Refused links:") << Qt::endl;
            for (const ProfileRefusal &refusal : record->refusals) {
                out() << QStringLiteral("  %1 %2 '%3': %4")
                             .arg(fromStd(formatIsoDateTime(refusal.ts)),
                                 fromStd(refusal.identityKind), fromStd(refusal.identityValue),
                                 fromStd(refusal.reason))
                      << Qt::endl;
            }
        }
        return 0;
    } catch (const std::exception &error) {
        err() << tr("Could not read the profile: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runProfileSearch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Finds shoppers whose e-mail, phone, customer id, other identifier or name starts "
           "with TEXT (case does not matter; phones in any spelling)."));
    const ProfileOptions common;
    common.addTo(parser);
    const QCommandLineOption limitOption(QStringLiteral("limit"),
        tr("Most shoppers to list (default 20)."), tr("N"), QStringLiteral("20"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the results as one JSON array on stdout."));
    parser.addOptions({ limitOption, jsonOption });
    parser.addPositionalArgument(QStringLiteral("TEXT"), tr("The beginning of what to find."));
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(common.workspace) || parser.positionalArguments().size() != 1) {
        err() << tr("Usage: clientele profile search --workspace FILE TEXT [--limit N] [--json]")
              << Qt::endl;
        return 2;
    }
    bool ok = false;
    const int limit = parser.value(limitOption).toInt(&ok);
    if (!ok || limit < 1 || limit > 1000) {
        err() << tr("--limit must be a whole number from 1 to 1000, not '%1'.")
                     .arg(parser.value(limitOption))
              << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(common.workspace).toStdString());
        ProfileSearch search(workspace.db(), parser.value(common.country).toUpper().toStdString());
        const auto hits
            = search.find(parser.positionalArguments().constFirst().toStdString(), limit);
        if (parser.isSet(jsonOption)) {
            nlohmann::json results = nlohmann::json::array();
            for (const ProfileSearchHit &hit : hits) {
                results.push_back({ { "profile_id", hit.profileId },
                    { "display_name", hit.displayName }, { "email", hit.email },
                    { "phone", hit.phone }, { "matched_kind", hit.matchedKind },
                    { "matched_value", hit.matchedValue } });
            }
            printJson(results);
            return 0;
        }
        if (hits.empty())
            out() << tr("No shopper found.") << Qt::endl;
        for (const ProfileSearchHit &hit : hits) {
            out() << QStringLiteral("%1  %2  %3  %4  (%5: %6)")
                         .arg(hit.profileId, 8)
                         .arg(fromStd(hit.displayName), -24)
                         .arg(fromStd(hit.email), -32)
                         .arg(fromStd(hit.phone), -16)
                         .arg(fromStd(hit.matchedKind), fromStd(hit.matchedValue))
                  << Qt::endl;
        }
        return 0;
    } catch (const std::exception &error) {
        err() << tr("The search failed: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runProfileErase(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Erases a shopper for good (right to be forgotten): events, identifiers, consents, "
           "traits, merge history and rejected import lines that quote them. Keeps a record of "
           "the erasure without personal data."));
    const ProfileOptions common;
    common.addTo(parser);
    const QCommandLineOption yesOption(
        QStringLiteral("yes"), tr("Confirm: erasing cannot be undone."));
    const QCommandLineOption reasonOption(QStringLiteral("reason"),
        tr("Why, e.g. a ticket reference, kept in the erasure record (no personal data)."),
        tr("TEXT"));
    parser.addOptions({ yesOption, reasonOption });
    parser.addPositionalArgument(QStringLiteral("KIND:VALUE"), tr("The shopper to erase."));
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(common.workspace) || parser.positionalArguments().size() != 1) {
        err() << tr("Usage: clientele profile erase --workspace FILE KIND:VALUE --yes "
                    "[--reason TEXT]")
              << Qt::endl;
        return 2;
    }
    if (!parser.isSet(yesOption)) {
        err() << tr("Erasing a shopper cannot be undone; add --yes to confirm.") << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(common.workspace).toStdString());
        const auto profile = findProfile(
            workspace, parser.positionalArguments().constFirst(), parser.value(common.country));
        if (!profile)
            return 1;
        const ErasureSummary summary
            = Privacy::erase(workspace.db(), *profile, parser.value(reasonOption).toStdString());
        out() << tr("Erased profile %1: %2 events, %3 identifiers, %4 consents, %5 merge records, "
                    "%6 refusals, %7 rejected import lines, %8 other rows (erasure #%9).")
                     .arg(*profile)
                     .arg(summary.events)
                     .arg(summary.identities)
                     .arg(summary.consents)
                     .arg(summary.merges)
                     .arg(summary.refusals)
                     .arg(summary.rejects)
                     .arg(summary.otherRows)
                     .arg(summary.erasureId)
              << Qt::endl;
        return 0;
    } catch (const std::exception &error) {
        err() << tr("The erasure failed; the workspace is unchanged: %1").arg(fromStd(error.what()))
              << Qt::endl;
        return 1;
    }
}

int CommandLine::runProfileExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes everything held about a shopper to one JSON file (right of access)."));
    const ProfileOptions common;
    common.addTo(parser);
    const QCommandLineOption outOption(
        QStringLiteral("out"), tr("The JSON file to write."), tr("FILE.json"));
    parser.addOption(outOption);
    parser.addPositionalArgument(QStringLiteral("KIND:VALUE"), tr("The shopper."));
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(common.workspace) || !parser.isSet(outOption)
        || parser.positionalArguments().size() != 1) {
        err() << tr("Usage: clientele profile export --workspace FILE KIND:VALUE --out FILE.json")
              << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(common.workspace).toStdString());
        const auto profile = findProfile(
            workspace, parser.positionalArguments().constFirst(), parser.value(common.country));
        if (!profile)
            return 1;
        Privacy::writeAccessExport(workspace.db(), *profile, parser.value(outOption).toStdString());
        out() << tr("Wrote %1 (profile %2).").arg(parser.value(outOption)).arg(*profile)
              << Qt::endl;
        return 0;
    } catch (const std::exception &error) {
        err() << tr("The export failed: %1").arg(fromStd(error.what())) << Qt::endl;
        return 1;
    }
}

int CommandLine::runProfileRebuildTraits(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Recomputes every shopper's traits, the RFM score boundaries and the reference time "
           "of the 30/90-day windows (imports refresh only the shoppers they touch)."));
    const ProfileOptions common;
    common.addTo(parser);
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(common.workspace) || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele profile rebuild-traits --workspace FILE") << Qt::endl;
        return 2;
    }
    try {
        auto workspace = Workspace::open(parser.value(common.workspace).toStdString());
        QElapsedTimer timer;
        timer.start();
        StderrProgress progress;
        TraitBuilder::rebuildAll(workspace.db(), &progress);
        out() << tr("Recomputed the traits of %1 shoppers in %2 s.")
                     .arg(CustomerList::count(workspace.db()))
                     .arg(static_cast<double>(timer.elapsed()) / 1000.0, 0, 'f', 1)
              << Qt::endl;
        return 0;
    } catch (const std::exception &error) {
        err() << tr("Recomputing the traits failed; the workspace is unchanged: %1")
                     .arg(fromStd(error.what()))
              << Qt::endl;
        return 1;
    }
}

} // namespace clientele
