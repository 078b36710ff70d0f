#pragma once

#include "Audience.h"

#include <string>

namespace clientele {

class Database;

/**
 * The ways a marketer names the shoppers of an export (the Export page's audience box,
 * the export command's --all/--segment/--profiles/--journey options), resolved into an
 * Audience by one function, so the app and the command line export the same shoppers and
 * record the same definition (a segment's name and rule JSON, a file's name and count, a
 * journey's step or outbox channel).
 */
struct AudienceRequest {
    enum class Kind { All, Segment, ProfileFile, JourneyStep, JourneyOutbox };

    Kind kind = Kind::All;
    std::string segment; ///< Segment: its saved name
    std::string profileFile; ///< ProfileFile: a file of profile ids, one per line
    std::string journey; ///< JourneyStep, JourneyOutbox: the saved journey's name
    std::string step; ///< JourneyStep: the node id
    std::string channel; ///< JourneyOutbox: email, sms, push, banner or ad_audience

    static AudienceRequest all() { return {}; }
    static AudienceRequest ofSegment(std::string name);
    static AudienceRequest ofProfileFile(std::string path);
    static AudienceRequest ofJourneyStep(std::string journey, std::string step);
    static AudienceRequest ofJourneyOutbox(std::string journey, std::string channel);

    /**
     * The audience against the workspace as it is now: a segment's ids (evaluated now)
     * with {"kind": "segment", "name", "definition": the rule JSON}; a file's ids with its
     * file name as "source"; a journey step's or outbox's query. Throws ExportError with
     * a readable message (no such segment, journey or step, an unreadable id file, a
     * channel a journey does not send on) and SegmentError when the segment's rule no
     * longer compiles.
     */
    Audience resolve(Database &db) const;
};

} // namespace clientele
