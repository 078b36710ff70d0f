#include "CommandLine.h"
#include "CommandLineSupport.h"

#include "export/AudienceRequest.h"
#include "export/ExportError.h"
#include "export/ExportJob.h"
#include "store/Workspace.h"
#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>

#include <exception>

namespace clientele {

using namespace cli;

namespace {

/// The export command's ways of naming an audience (an AudienceRequest).
struct AudienceOptions {
    QCommandLineOption all { QStringLiteral("all"), CommandLine::tr("Every shopper.") };
    QCommandLineOption segment { QStringLiteral("segment"),
        CommandLine::tr("The shoppers of a saved segment (clientele segment list)."),
        CommandLine::tr("NAME") };
    QCommandLineOption profiles { QStringLiteral("profiles"),
        CommandLine::tr("The shoppers whose profile ids the file lists, one per line."),
        CommandLine::tr("IDS.txt") };
    QCommandLineOption journey { QStringLiteral("journey"),
        CommandLine::tr("A saved journey, with --step or --outbox."), CommandLine::tr("NAME") };
    QCommandLineOption step { QStringLiteral("step"),
        CommandLine::tr("The shoppers at this step (node id) of the journey now."),
        CommandLine::tr("NODE") };
    QCommandLineOption outbox { QStringLiteral("outbox"),
        CommandLine::tr("The journey's messages of this channel not exported yet (email, sms, "
                        "push, banner or ad_audience), with their rendered text and codes."),
        CommandLine::tr("CHANNEL") };

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({ all, segment, profiles, journey, step, outbox });
    }
    /// Whether exactly one audience is named; prints why not.
    bool chosenOnce(const QCommandLineParser &parser) const
    {
        const bool fromJourney = parser.isSet(journey);
        const int chosen = (parser.isSet(all) ? 1 : 0) + (parser.isSet(segment) ? 1 : 0)
            + (parser.isSet(profiles) ? 1 : 0) + (fromJourney ? 1 : 0);
        const bool journeyComplete = fromJourney == (parser.isSet(step) || parser.isSet(outbox))
            && !(parser.isSet(step) && parser.isSet(outbox));
        if (chosen == 1 && journeyComplete)
            return true;
        err() << CommandLine::tr("Choose the shoppers with exactly one of --all, --segment NAME, "
                                 "--profiles IDS.txt or --journey NAME with --step NODE or "
                                 "--outbox CHANNEL.")
              << Qt::endl;
        return false;
    }
};

/// The audience the options name (chosenOnce() has checked there is exactly one).
AudienceRequest audienceRequest(const QCommandLineParser &parser, const AudienceOptions &options)
{
    if (parser.isSet(options.segment))
        return AudienceRequest::ofSegment(parser.value(options.segment).toStdString());
    if (parser.isSet(options.profiles))
        return AudienceRequest::ofProfileFile(parser.value(options.profiles).toStdString());
    if (parser.isSet(options.journey)) {
        const std::string journey = parser.value(options.journey).toStdString();
        if (parser.isSet(options.outbox))
            return AudienceRequest::ofJourneyOutbox(
                journey, parser.value(options.outbox).toStdString());
        return AudienceRequest::ofJourneyStep(journey, parser.value(options.step).toStdString());
    }
    return AudienceRequest::all();
}

/// Why shoppers were left out, as the summary names it.
QString suppressionText(const std::string &reason)
{
    if (reason == SuppressionReason::kNotFound)
        return CommandLine::tr("not a profile in this workspace");
    if (reason == SuppressionReason::kNoEmail)
        return CommandLine::tr("no e-mail address");
    if (reason == SuppressionReason::kNoPhone)
        return CommandLine::tr("no valid phone number");
    if (reason == SuppressionReason::kNoIdentifier)
        return CommandLine::tr("no e-mail address or phone number");
    if (reason == SuppressionReason::kNoConsent)
        return CommandLine::tr("never gave consent");
    if (reason == SuppressionReason::kDenied)
        return CommandLine::tr("declined consent");
    if (reason == SuppressionReason::kUnsubscribed)
        return CommandLine::tr("unsubscribed");
    if (reason == SuppressionReason::kNoDevice)
        return CommandLine::tr("no app device");
    return fromStd(reason);
}

} // namespace

int CommandLine::runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes a campaign file for email tools or ad platforms, with FILE.manifest.json "
           "beside it. Shoppers without consent for the channel are always left out; the "
           "summary says how many and why."));
    parser.addHelpOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), tr("The workspace file."), tr("FILE"));
    const AudienceOptions audienceOptions;
    const QCommandLineOption formatOption(QStringLiteral("format"),
        tr("generic (CSV with the chosen columns), klaviyo, mailchimp, customer-match (Google "
           "Ads, hashed) or meta (custom audience, hashed)."),
        tr("FORMAT"));
    const QCommandLineOption columnsOption(QStringLiteral("columns"),
        tr("Comma-separated columns (generic: the file's columns; klaviyo and mailchimp: extra "
           "columns), e.g. email,first_name,orders,last_order."),
        tr("a,b,c"));
    const QCommandLineOption codeOption(QStringLiteral("code-pattern"),
        tr("A unique discount code per shopper; each X becomes a random character."),
        tr("SAVE10-XXXXXX"));
    const QCommandLineOption offerOption(
        QStringLiteral("offer"), tr("Offer text for an Offer column."), tr("TEXT"));
    const QCommandLineOption channelOption(QStringLiteral("channel"),
        tr("generic only: email (default) or sms, whose consent and address are required."),
        tr("CHANNEL"), QStringLiteral("email"));
    const QCommandLineOption bomOption(
        QStringLiteral("bom"), tr("Start the file with a UTF-8 byte order mark (for Excel)."));
    const QCommandLineOption delimiterOption(QStringLiteral("delimiter"),
        tr("Field delimiter: ',' (default) or ';'."), tr("CHAR"), QStringLiteral(","));
    const QCommandLineOption outOption(
        QStringLiteral("out"), tr("The CSV file to write (must not exist yet)."), tr("FILE"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), tr("Print the summary as one JSON object on stdout."));
    parser.addOption(workspaceOption);
    audienceOptions.addTo(parser);
    parser.addOptions({ formatOption, columnsOption, codeOption, offerOption, channelOption,
        bomOption, delimiterOption, outOption, jsonOption });
    if (const auto exitCode = parseOrFinish(parser, arguments))
        return *exitCode;
    if (!parser.isSet(workspaceOption) || !parser.isSet(formatOption) || !parser.isSet(outOption)
        || !parser.positionalArguments().isEmpty()) {
        err() << tr("Usage: clientele export --workspace FILE (--all | --profiles IDS.txt) "
                    "--format FORMAT --out FILE")
              << Qt::endl;
        return 2;
    }

    ExportRequest request;
    const auto format = parseExportFormat(parser.value(formatOption).toStdString());
    if (!format) {
        err() << tr("--format must be generic, klaviyo, mailchimp, customer-match or meta, not "
                    "'%1'.")
                     .arg(parser.value(formatOption))
              << Qt::endl;
        return 2;
    }
    request.format = *format;
    const QString channel = parser.value(channelOption).toLower();
    if (channel == QLatin1String("sms")) {
        if (request.format != ExportFormat::Generic) {
            err() << tr("--channel sms is for the generic format only.") << Qt::endl;
            return 2;
        }
        request.channel = ExportChannel::Sms;
    } else if (channel != QLatin1String("email")) {
        err() << tr("--channel must be email or sms, not '%1'.").arg(channel) << Qt::endl;
        return 2;
    }
    // A journey's outbox goes out on its own channel without saying so twice.
    if (!parser.isSet(channelOption) && request.format == ExportFormat::Generic) {
        const auto outboxChannel
            = parseExportChannel(parser.value(audienceOptions.outbox).toStdString());
        if (outboxChannel == ExportChannel::Sms || outboxChannel == ExportChannel::Push
            || outboxChannel == ExportChannel::OnSite)
            request.channel = outboxChannel;
    }
    const QString delimiter = parser.value(delimiterOption);
    if (delimiter == QLatin1String(";") || delimiter == QLatin1String("semicolon")) {
        request.delimiter = ';';
    } else if (delimiter == QLatin1String(",") || delimiter == QLatin1String("comma")) {
        request.delimiter = ',';
    } else {
        err() << tr("--delimiter must be ',' or ';', not '%1'.").arg(delimiter) << Qt::endl;
        return 2;
    }
    if (parser.isSet(columnsOption)) {
        for (const QString &name : parser.value(columnsOption).split(QLatin1Char(','))) {
            if (!name.trimmed().isEmpty())
                request.columns.push_back(name.trimmed().toStdString());
        }
    }
    request.codePattern = parser.value(codeOption).toStdString();
    request.offer = parser.value(offerOption).toStdString();
    request.byteOrderMark = parser.isSet(bomOption);
    request.outputPath = parser.value(outOption).toStdString();
    if (!audienceOptions.chosenOnce(parser))
        return 2;

    try {
        auto workspace = Workspace::open(parser.value(workspaceOption).toStdString());
        try {
            request.audience = audienceRequest(parser, audienceOptions).resolve(workspace.db());
        } catch (const ExportError &error) {
            err() << fromStd(error.what()) << Qt::endl;
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        StderrProgress progress;
        const ExportSummary summary = ExportJob::run(workspace.db(), request, &progress);
        if (parser.isSet(jsonOption)) {
            nlohmann::json suppressed = nlohmann::json::object();
            for (const auto &[reason, count] : summary.suppressed)
                suppressed[reason] = count;
            printJson({ { "export_id", summary.exportId }, { "file", summary.path },
                { "manifest", summary.manifestPath },
                { "format", exportFormatName(request.format) },
                { "channel", exportChannelName(exportChannelOf(request.format, request.channel)) },
                { "audience", summary.audience }, { "exported", summary.exported },
                { "suppressed", suppressed }, { "suppressed_total", summary.suppressedTotal() },
                { "discount_codes", summary.codes }, { "bytes", summary.bytes },
                { "sha256", summary.sha256 } });
            return 0;
        }
        const QLocale c = QLocale::c();
        out() << tr("Exported %1 of %2 shoppers to %3 in %4 s (manifest: %5).")
                     .arg(c.toString(summary.exported), c.toString(summary.audience),
                         fromStd(summary.path),
                         c.toString(static_cast<double>(timer.elapsed()) / 1000.0, 'f', 1),
                         fromStd(summary.manifestPath))
              << Qt::endl;
        out() << tr("Left out %1 without consent or address for %2:")
                     .arg(c.toString(summary.suppressedTotal()),
                         fromStd(std::string(
                             exportChannelName(exportChannelOf(request.format, request.channel)))))
              << Qt::endl;
        for (const auto &[reason, count] : summary.suppressed) {
            out()
                << QStringLiteral("  %1  %2").arg(c.toString(count), 9).arg(suppressionText(reason))
                << Qt::endl;
        }
        if (summary.codes > 0)
            out() << tr("Issued %1 discount codes.").arg(c.toString(summary.codes)) << Qt::endl;
        return 0;
    } catch (const Cancelled &) {
        err() << tr("The export was cancelled; nothing was written.") << Qt::endl;
        return 1;
    } catch (const std::exception &error) {
        err() << tr("The export failed; nothing was written: %1").arg(fromStd(error.what()))
              << Qt::endl;
        return 1;
    }
}

} // namespace clientele
