#pragma once

#include "ingest/InputFile.h"

#include <algorithm>
#include <string>

namespace clientele::test {

/**
 * Hands out at most a few bytes per read, so that every record, every CRLF and every ""
 * pair falls across a block boundary somewhere: a reader must not care.
 */
class TrickleSource final : public ByteSource {
public:
    TrickleSource(std::string bytes, std::size_t bytesPerRead)
        : bytes_(std::move(bytes))
        , bytesPerRead_(bytesPerRead)
    {
    }

    std::size_t read(char *buffer, std::size_t capacity) override
    {
        const std::size_t count = std::min({ capacity, bytesPerRead_, bytes_.size() - position_ });
        std::copy_n(bytes_.data() + position_, count, buffer);
        position_ += count;
        return count;
    }

private:
    std::string bytes_;
    std::size_t bytesPerRead_;
    std::size_t position_ = 0;
};

} // namespace clientele::test
