#include "JsonLinesReader.h"

#include "IngestError.h"
#include "InputFile.h"
#include "TextDecoder.h"

#include <algorithm>
#include <cstring>

namespace clientele {

namespace {

bool isBlank(std::string_view text)
{
    return text.find_first_not_of(" \t\r") == std::string_view::npos;
}

/// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1, "
/// prefix, which names a line of the single-line document rather than of the file.
std::string readableParseError(const nlohmann::json::parse_error &error)
{
    std::string_view message = error.what();
    constexpr std::string_view kLinePrefix = "parse error at line 1, ";
    if (const auto at = message.find(kLinePrefix); at != std::string_view::npos)
        message.remove_prefix(at + kLinePrefix.size());
    else if (const auto bracket = message.find("] "); bracket != std::string_view::npos)
        message.remove_prefix(bracket + 2);
    return "not valid JSON at " + std::string(message);
}

} // namespace

JsonLinesReader::JsonLinesReader(ByteSource &source, std::size_t maxLineBytes)
    : source_(source)
    , maxLineBytes_(maxLineBytes)
    , buffer_(InputFile::kChunkSize)
{
}

bool JsonLinesReader::next(JsonRecord &record)
{
    for (;;) {
        const char *begin = buffer_.data() + begin_;
        const auto *newline = static_cast<const char *>(
            std::memchr(begin + searchedUpTo_, '\n', end_ - begin_ - searchedUpTo_));
        if (!newline && !sourceExhausted_) {
            searchedUpTo_ = end_ - begin_;
            if (end_ - begin_ >= maxLineBytes_) {
                record.line = nextLine_++;
                record.value = nullptr;
                record.raw.clear();
                TextDecoder::appendRepairedUtf8(
                    std::string_view(begin, std::min<std::size_t>(200, end_ - begin_)), record.raw);
                record.raw += "…";
                record.error = describeLine(record.line) + ": longer than "
                    + std::to_string(maxLineBytes_ >> 20) + " MB, skipped";
                skipRestOfLine();
                atFirstLine_ = false;
                return true;
            }
            fillBuffer();
            continue;
        }
        if (!newline && begin_ == end_)
            return false; // exhausted, nothing left

        const char *lineEnd = newline ? newline : buffer_.data() + end_;
        std::string_view text(begin, static_cast<std::size_t>(lineEnd - begin));
        begin_ += text.size() + (newline ? 1 : 0);
        searchedUpTo_ = 0;
        const std::int64_t line = nextLine_++;

        if (atFirstLine_) {
            text.remove_prefix(TextDecoder::utf8BomLength(text));
            atFirstLine_ = false;
        }
        if (!text.empty() && text.back() == '\r')
            text.remove_suffix(1);
        if (isBlank(text))
            continue;

        record.line = line;
        parseLine(text, record);
        return true;
    }
}

void JsonLinesReader::parseLine(std::string_view text, JsonRecord &record)
{
    record.error.clear();
    record.raw.assign(text);
    try {
        record.value = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error &error) {
        record.value = nullptr;
        record.error = describeLine(record.line) + ": ";
        // The reject log stores text: a line with bad bytes gets a plain reason and a
        // repaired copy, not the parser's message quoting the bad bytes.
        if (TextDecoder::isValidUtf8(text)) {
            record.error += readableParseError(error);
        } else {
            record.error += "not valid UTF-8 (JSON Lines files must be UTF-8)";
            record.raw.clear();
            TextDecoder::appendRepairedUtf8(text, record.raw);
        }
        return;
    }
    if (!record.value.is_object()) {
        record.error = describeLine(record.line) + ": expected a JSON object ({…}) but found "
            + (record.value.is_array() ? "an " : "a ") + record.value.type_name();
        record.value = nullptr;
    }
}

void JsonLinesReader::skipRestOfLine()
{
    for (;;) {
        const char *begin = buffer_.data() + begin_;
        const auto *newline = static_cast<const char *>(std::memchr(begin, '\n', end_ - begin_));
        if (newline) {
            begin_ += static_cast<std::size_t>(newline - begin) + 1;
            searchedUpTo_ = 0;
            return;
        }
        begin_ = end_ = 0;
        searchedUpTo_ = 0;
        if (sourceExhausted_)
            return;
        fillBuffer();
    }
}

void JsonLinesReader::fillBuffer()
{
    if (!refillWindow(source_, buffer_, begin_, end_))
        sourceExhausted_ = true;
}

} // namespace clientele
