#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace clientele {

class ByteSource;

/// One line of a JSON Lines file as read, good or bad. Reuse one instance across next().
struct JsonRecord {
    nlohmann::json value; ///< a JSON object when ok(); null otherwise
    std::int64_t line = 0; ///< 1-based line number in the file
    std::string raw; ///< the line's text as UTF-8, without its line break: for the reject log
    std::string error; ///< empty, or "line 12: not valid JSON at column 5: …"

    bool ok() const { return error.empty(); }
};

/**
 * Reads JSON Lines (jsonlines.org): one JSON object per line, UTF-8, lines ending in LF
 * or CRLF. Blank lines are skipped; a UTF-8 byte order mark before the first line is
 * dropped. A line that is not valid JSON, or valid JSON that is not an object (an array,
 * a number …), comes back with its line number and the parser's reason in error, and
 * reading goes on with the next line: one bad line never throws the whole file away.
 */
class JsonLinesReader {
public:
    /// A line longer than this is rejected unread (and skipped) instead of buffered.
    static constexpr std::size_t kDefaultMaxLineBytes = std::size_t(64) << 20;

    /// The source must outlive the reader.
    explicit JsonLinesReader(ByteSource &source, std::size_t maxLineBytes = kDefaultMaxLineBytes);

    /// Fills record with the next non-blank line; false at the end of the data. Throws
    /// IngestError only when the source itself cannot be read.
    bool next(JsonRecord &record);

private:
    /// Compacts the buffer, grows it when one line fills it, and reads more bytes.
    void fillBuffer();
    /// Drops the rest of an over-long line, up to and including its LF.
    void skipRestOfLine();
    void parseLine(std::string_view text, JsonRecord &record);

    ByteSource &source_;
    std::size_t maxLineBytes_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0; ///< first unread byte in buffer_
    std::size_t end_ = 0; ///< one past the last byte read into buffer_
    std::size_t searchedUpTo_ = 0; ///< bytes after begin_ known to hold no LF
    bool sourceExhausted_ = false;
    bool atFirstLine_ = true; ///< where a byte order mark may appear
    std::int64_t nextLine_ = 1;
};

} // namespace clientele
