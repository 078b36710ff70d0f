#include "AudienceRequest.h"

#include "ExportError.h"

#include "journey/JourneyStore.h"
#include "segment/SegmentEvaluator.h"
#include "segment/SegmentStore.h"

#include <filesystem>

namespace clientele {

AudienceRequest AudienceRequest::ofSegment(std::string name)
{
    AudienceRequest request;
    request.kind = Kind::Segment;
    request.segment = std::move(name);
    return request;
}

AudienceRequest AudienceRequest::ofProfileFile(std::string path)
{
    AudienceRequest request;
    request.kind = Kind::ProfileFile;
    request.profileFile = std::move(path);
    return request;
}

AudienceRequest AudienceRequest::ofJourneyStep(std::string journey, std::string step)
{
    AudienceRequest request;
    request.kind = Kind::JourneyStep;
    request.journey = std::move(journey);
    request.step = std::move(step);
    return request;
}

AudienceRequest AudienceRequest::ofJourneyOutbox(std::string journey, std::string channel)
{
    AudienceRequest request;
    request.kind = Kind::JourneyOutbox;
    request.journey = std::move(journey);
    request.channel = std::move(channel);
    return request;
}

Audience AudienceRequest::resolve(Database &db) const
{
    switch (kind) {
    case Kind::All:
        return Audience::all();
    case Kind::Segment: {
        SegmentStore store(db);
        const auto saved = store.find(segment);
        if (!saved)
            throw ExportError("There is no saved segment '" + segment + "' in this workspace.");
        SegmentEvaluator evaluator(db, &store);
        return Audience::profiles(evaluator.ids(saved->definition),
            { { "kind", "segment" }, { "name", saved->name },
                { "definition", saved->definition.toJson() } });
    }
    case Kind::ProfileFile:
        return Audience::profiles(Audience::readIdFile(profileFile),
            { { "source", std::filesystem::path(profileFile).filename().string() } });
    case Kind::JourneyStep:
    case Kind::JourneyOutbox:
        try {
            const JourneyStore store(db);
            return kind == Kind::JourneyStep ? store.stepAudience(journey, step)
                                             : store.outboxAudience(journey, channel);
        } catch (const JourneyStoreError &error) {
            throw ExportError(error.what());
        }
    }
    return Audience::all();
}

} // namespace clientele
