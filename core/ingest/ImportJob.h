#pragma once

#include "ImportMapping.h"

#include "common/Progress.h"
#include "common/Time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clientele {

class Workspace;

/// What to import and how to read it.
struct ImportRequest {
    std::string inputPath;
    ImportMapping mapping;
    /// "utf-8" or "windows-1252".
    std::string encoding = "utf-8";
    /// 0 = detect from the header line; otherwise ',', ';' or '\t'.
    char delimiter = 0;
    /// "generic" (use mapping), "auto" (a preset when the header is a known format,
    /// else mapping; a JSON Lines file is read as "segment") or a preset's name such as
    /// "online-retail" or "segment" (a Segment JSON Lines export; the mapping's timezone and
    /// country still apply).
    std::string preset = "generic";
    /// The date of every row of a snapshot file (ImportMapping::snapshot, e.g. a Shopify
    /// customer list); empty means the import's start. Tests fix it to stay deterministic.
    std::optional<Millis> snapshotTime;
};

/// The outcome of one import; rowsRead == imported + duplicates + rejected.
struct ImportSummary {
    std::int64_t importId = 0;
    std::string preset; ///< the preset used, or "generic"

    std::int64_t rowsRead = 0;
    std::int64_t imported = 0;
    std::int64_t duplicates = 0;
    std::int64_t rejected = 0;
    std::int64_t profilesCreated = 0;
    std::int64_t merges = 0;
    std::int64_t mergesRefused = 0;
    /// Identifier cells that could not be used (an invalid email …) on rows that were
    /// imported through another identifier.
    std::int64_t identifiersRejected = 0;
    /// Shoppers who entered a switched-on journey, and the messages those journeys wrote
    /// to the outbox, because of this import (JourneyRuntime).
    std::int64_t journeyEntries = 0;
    std::int64_t journeyMessages = 0;
};

/**
 * Imports one events file (CSV, or JSON Lines when its first non-blank byte is '{')
 * into a workspace: reader → mapping → normalise →
 * resolve identity → insert event. The whole import is one transaction: cancelled,
 * failed or killed, it leaves the workspace exactly as it was. Every row is imported,
 * counted as a duplicate (its event key is already there) or written to the reject log
 * with its line number, reason and raw text.
 */
class ImportJob {
public:
    /// Progress stages, in order: "Reading", "Importing" (rows, bytes of the file), then for
    /// a first load kStageWritingShoppers and kStageBuildingIndexes, then
    /// TraitBuilder::kProgressStage, JourneySimulator::kProgressStage when journeys are
    /// switched on, then "Saving".
    static constexpr const char *kStageWritingShoppers = "Writing shoppers";
    static constexpr const char *kStageBuildingIndexes = "Building indexes";

    /// Throws Cancelled, IngestError (the file cannot be read), std::invalid_argument (the
    /// mapping does not fit the file) or StoreError.
    static ImportSummary run(
        Workspace &workspace, const ImportRequest &request, ProgressSink *progress = nullptr);

    /// True when the file's first non-blank byte (after decompression and a byte order
    /// mark) is '{': Segment-style JSON Lines rather than CSV. Throws IngestError.
    static bool isJsonLines(const std::string &path);
    /// The format "auto" picks for a CSV file with this header: a preset's name, "catalog",
    /// or "generic" (the columns need a mapping).
    static std::string detectCsvFormat(const std::vector<std::string> &header);
    /// The column names of a CSV file as an import reads them (decompressed, decoded with
    /// the encoding, delimiter detected, names trimmed). Throws IngestError, or
    /// std::invalid_argument for an unknown encoding.
    static std::vector<std::string> csvHeader(
        const std::string &path, const std::string &encoding = "utf-8");
};

} // namespace clientele
