#include "CsvReader.h"

#include "IngestError.h"
#include "InputFile.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace clientele {

namespace {

/// The first block read; the buffer only grows when a single record is larger.
constexpr std::size_t kInitialBufferSize = InputFile::kChunkSize;

/// Records shorter than this are parsed again after every read while incomplete.
constexpr std::size_t kRetryAfterEveryReadBelow = 64 * 1024;

/// Line breaks inside quoted text, counted the way records end: LF, CRLF or a lone CR.
std::int64_t countLineBreaks(const char *p, const char *end)
{
    std::int64_t count = 0;
    for (; p < end; ++p) {
        if (*p == '\n')
            ++count;
        else if (*p == '\r' && (p + 1 == end || p[1] != '\n'))
            ++count;
    }
    return count;
}

std::string_view trimmed(std::string_view text)
{
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

} // namespace

CsvReader::CsvReader(ByteSource &source, CsvOptions options)
    : source_(source)
    , options_(options)
    , encoding_(options.encoding)
{
    if (options_.delimiter == '\0')
        options_.delimiter.reset();
    if (options_.delimiter
        && (*options_.delimiter == '"' || *options_.delimiter == '\r'
            || *options_.delimiter == '\n'))
        throw std::invalid_argument("a CSV delimiter cannot be a quote or a line break");

    buffer_.resize(kInitialBufferSize);
    while (end_ - begin_ < 3 && !sourceExhausted_)
        fillBuffer();
    const std::string_view start(buffer_.data() + begin_, end_ - begin_);
    if (start.starts_with("\xFF\xFE") || start.starts_with("\xFE\xFF"))
        throw IngestError(IngestError::Kind::UnsupportedFormat,
            "This file is UTF-16 text (Excel's \"Unicode Text\"). Save it as \"CSV UTF-8\" and "
            "import that file.");
    const std::size_t bom = TextDecoder::utf8BomLength(start);
    if (bom > 0) {
        begin_ += bom;
        encoding_ = Encoding::Utf8;
    }

    if (options_.delimiter) {
        delimiter_ = *options_.delimiter;
    } else if (skipBlankLines()) {
        // Make sure the whole first line is at hand before counting on it.
        auto firstLineComplete = [this] {
            const char *first = buffer_.data() + begin_;
            const char *last = buffer_.data() + end_;
            return std::find_if(first, last, [](char c) { return c == '\n' || c == '\r'; }) != last;
        };
        while (!sourceExhausted_ && !firstLineComplete() && end_ - begin_ < options_.maxRecordBytes)
            fillBuffer();
        delimiter_ = detectDelimiter(std::string_view(buffer_.data() + begin_, end_ - begin_));
    }
    endsUnquotedField_[static_cast<unsigned char>(delimiter_)] = true;
    endsUnquotedField_['\r'] = true;
    endsUnquotedField_['\n'] = true;

    if (options_.hasHeader)
        readHeader();
}

char CsvReader::detectDelimiter(std::string_view headerLine)
{
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    std::size_t tabs = 0;
    bool insideQuotes = false;
    for (const char c : headerLine) {
        if (c == '"') {
            insideQuotes = !insideQuotes;
        } else if (!insideQuotes) {
            if (c == '\n' || c == '\r')
                break;
            commas += c == ',';
            semicolons += c == ';';
            tabs += c == '\t';
        }
    }
    if (semicolons > commas && semicolons >= tabs)
        return ';';
    if (tabs > commas && tabs > semicolons)
        return '\t';
    return ',';
}

void CsvReader::readHeader()
{
    CsvRecord record;
    if (!next(record))
        throw IngestError(IngestError::Kind::NoHeader,
            "The file is empty: there is no first line with column names.");
    if (!record.ok())
        throw IngestError(IngestError::Kind::BadHeader,
            "The first line (column names) cannot be read — " + record.error + ".");
    header_.reserve(record.fields.size());
    for (const std::string &name : record.fields)
        header_.emplace_back(trimmed(name));
}

bool CsvReader::next(CsvRecord &record)
{
    if (!skipBlankLines())
        return false;
    record.error.clear();
    for (;;) {
        const char *begin = buffer_.data() + begin_;
        ParsedExtent extent;
        const ParseOutcome outcome
            = parseRecord(begin, buffer_.data() + end_, sourceExhausted_, record.fields, extent);
        if (outcome == ParseOutcome::Complete) {
            record.line = nextLine_;
            nextLine_ += 1 + extent.lineBreaksInside;
            begin_ += extent.totalLength;
            finishRecord(record, std::string_view(begin, extent.contentLength));
            return true;
        }
        if (outcome == ParseOutcome::QuoteNotClosed || end_ - begin_ >= options_.maxRecordBytes) {
            rejectFirstLineOfOpenQuote(record);
            return true;
        }
        // The record is parsed again from its start once more bytes are in. A short one is
        // retried after every read; a long one waits until its buffered part has doubled,
        // so that a huge quoted field costs linear time whatever the source's block size.
        const std::size_t pending = end_ - begin_;
        const std::size_t wanted = pending < kRetryAfterEveryReadBelow
            ? pending + 1
            : std::min(2 * pending, options_.maxRecordBytes);
        do
            fillBuffer();
        while (!sourceExhausted_ && end_ - begin_ < wanted);
    }
}

CsvReader::ParseOutcome CsvReader::parseRecord(const char *const begin, const char *const end,
    const bool atEnd, std::vector<std::string> &fields, ParsedExtent &extent) const
{
    const char delimiter = delimiter_;
    const std::array<bool, 256> &endsField = endsUnquotedField_;
    auto scanUnquoted = [&endsField, end](const char *p) {
        while (p < end && !endsField[static_cast<unsigned char>(*p)])
            ++p;
        return p;
    };

    std::size_t fieldCount = 0;
    std::int64_t lineBreaks = 0;
    const char *p = begin;
    for (;;) {
        if (fieldCount == fields.size())
            fields.emplace_back();
        std::string &field = fields[fieldCount++];

        if (p < end && *p == '"') {
            field.clear();
            ++p;
            for (;;) {
                const auto *quote = static_cast<const char *>(std::memchr(p, '"', end - p));
                if (!quote) {
                    if (!atEnd)
                        return ParseOutcome::NeedMoreBytes;
                    field.append(p, end);
                    fields.resize(fieldCount);
                    extent.contentLength = extent.totalLength = end - begin;
                    extent.lineBreaksInside = lineBreaks + countLineBreaks(p, end);
                    return ParseOutcome::QuoteNotClosed;
                }
                field.append(p, quote);
                lineBreaks += countLineBreaks(p, quote);
                p = quote + 1;
                if (p < end && *p == '"') {
                    field.push_back('"');
                    ++p;
                    continue;
                }
                break;
            }
            // Text between the closing quote and the delimiter is kept, not refused.
            const char *stop = scanUnquoted(p);
            field.append(p, stop);
            p = stop;
        } else {
            const char *stop = scanUnquoted(p);
            field.assign(p, stop);
            p = stop;
        }

        if (p == end) {
            if (!atEnd)
                return ParseOutcome::NeedMoreBytes;
            fields.resize(fieldCount);
            extent.contentLength = extent.totalLength = end - begin;
            extent.lineBreaksInside = lineBreaks;
            return ParseOutcome::Complete;
        }
        if (*p == delimiter) {
            ++p;
            continue;
        }
        const char *contentEnd = p; // at CR or LF
        if (*p == '\r') {
            if (p + 1 == end && !atEnd)
                return ParseOutcome::NeedMoreBytes; // an LF may follow in the next block
            if (p + 1 < end && p[1] == '\n')
                ++p;
        }
        ++p;
        fields.resize(fieldCount);
        extent.contentLength = static_cast<std::size_t>(contentEnd - begin);
        extent.totalLength = static_cast<std::size_t>(p - begin);
        extent.lineBreaksInside = lineBreaks;
        return ParseOutcome::Complete;
    }
}

void CsvReader::rejectFirstLineOfOpenQuote(CsvRecord &record)
{
    const char *begin = buffer_.data() + begin_;
    const char *end = buffer_.data() + end_;
    const char *lineEnd = std::find_if(begin, end, [](char c) { return c == '\n' || c == '\r'; });
    if (lineEnd == end && !sourceExhausted_)
        throw IngestError(IngestError::Kind::RecordTooLong,
            describeLine(nextLine_) + " is longer than "
                + std::to_string(options_.maxRecordBytes >> 20)
                + " MB. This does not look like a CSV file.");

    ParsedExtent ignored;
    parseRecord(begin, lineEnd, true, record.fields, ignored);
    record.line = nextLine_;
    const char *resumeAt = lineEnd;
    if (resumeAt < end)
        resumeAt += (*resumeAt == '\r' && resumeAt + 1 < end && resumeAt[1] == '\n') ? 2 : 1;
    begin_ += static_cast<std::size_t>(resumeAt - begin);
    nextLine_ += 1;
    addError(record, "a quoted field is not closed");
    finishRecord(record, std::string_view(begin, static_cast<std::size_t>(lineEnd - begin)));
}

void CsvReader::finishRecord(CsvRecord &record, std::string_view rawBytes)
{
    if (encoding_ == Encoding::Utf8) {
        if (TextDecoder::isValidUtf8(rawBytes)) {
            record.raw.assign(rawBytes);
            return;
        }
        addError(record, "not valid UTF-8 (try the Windows-1252 encoding)");
        record.raw.clear();
        TextDecoder::appendRepairedUtf8(rawBytes, record.raw);
        for (std::string &field : record.fields) {
            if (!TextDecoder::isValidUtf8(field)) {
                scratch_.clear();
                TextDecoder::appendRepairedUtf8(field, scratch_);
                field.swap(scratch_);
            }
        }
        return;
    }

    if (TextDecoder::isAscii(rawBytes)) {
        record.raw.assign(rawBytes);
        return;
    }
    record.raw.clear();
    TextDecoder::appendWindows1252AsUtf8(rawBytes, record.raw);
    for (std::string &field : record.fields) {
        if (!TextDecoder::isAscii(field)) {
            scratch_.clear();
            TextDecoder::appendWindows1252AsUtf8(field, scratch_);
            field.swap(scratch_);
        }
    }
}

void CsvReader::addError(CsvRecord &record, std::string_view reason)
{
    if (record.error.empty()) {
        record.error = describeLine(record.line);
        record.error += ": ";
    } else {
        record.error += "; ";
    }
    record.error += reason;
}

bool CsvReader::skipBlankLines()
{
    for (;;) {
        if (begin_ == end_) {
            if (sourceExhausted_)
                return false;
            fillBuffer();
            continue;
        }
        const char c = buffer_[begin_];
        if (c == '\n') {
            ++begin_;
        } else if (c == '\r') {
            if (begin_ + 1 == end_ && !sourceExhausted_) {
                fillBuffer(); // an LF may follow in the next block
                continue;
            }
            begin_ += (begin_ + 1 < end_ && buffer_[begin_ + 1] == '\n') ? 2 : 1;
        } else {
            return true;
        }
        ++nextLine_;
    }
}

void CsvReader::fillBuffer()
{
    if (!refillWindow(source_, buffer_, begin_, end_))
        sourceExhausted_ = true;
}

} // namespace clientele
