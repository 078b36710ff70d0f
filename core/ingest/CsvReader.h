#pragma once

#include "TextDecoder.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clientele {

class ByteSource;

/// How to read a CSV file; the defaults suit a UTF-8 export with a header line.
struct CsvOptions {
    /// nullopt (or '\0', for callers that keep a plain char): detect ',' ';' or tab from
    /// the header line. Any other byte than a quote or a line break may be forced.
    std::optional<char> delimiter;
    Encoding encoding = Encoding::Utf8;
    bool hasHeader = true;
    /// A record that grows past this (an opening quote that is never closed) is cut back
    /// to its first line and rejected, so one bad quote cannot swallow a whole file.
    std::size_t maxRecordBytes = std::size_t(64) << 20;
};

/// One record as read, good or bad. Reuse one instance across next() calls: its strings
/// keep their capacity, so reading allocates nothing per row once warmed up.
struct CsvRecord {
    std::vector<std::string> fields; ///< UTF-8; as many as the line has, whatever the header
    std::int64_t line = 0; ///< 1-based physical line where the record starts
    std::string raw; ///< the record's text as UTF-8, without its line break: for the reject log
    std::string error; ///< empty, or "line 7: a quoted field is not closed" and the like

    bool ok() const { return error.empty(); }
};

/**
 * Reads CSV as RFC 4180 describes it, plus what real exports do: quoted fields may hold
 * delimiters, doubled quotes ("") and line breaks; records end with CRLF, LF or a lone CR
 * (old Mac exports), and the last one may have no line break at all. A UTF-8 byte order
 * mark is dropped (and wins over a Windows-1252 choice: such a file is UTF-8).
 *
 * Leniency, so that one odd row never stops an import:
 * - a quote opens a quoted field only as the field's first character; anywhere else it is
 *   kept as a literal character (`5" screen`, ` "x"`), and text after a closing quote is
 *   kept too (`"abc"def` reads as `abcdef`);
 * - blank lines are skipped (their line numbers still count);
 * - whitespace around fields is kept, as the RFC says; only header names are trimmed;
 * - records with more or fewer fields than the header are returned as they are: the
 *   import job decides what a short row means;
 * - a quote that is never closed rejects only the line where it opened, and reading
 *   resumes on the next line;
 * - bytes that are not valid UTF-8 reject that record (with a hint to choose
 *   Windows-1252), the text is kept with U+FFFD in place of the bad bytes.
 *
 * The parser scans blocks of bytes with a lookup table and copies fields straight into the
 * caller's reused strings; only records that span two blocks are parsed twice.
 */
class CsvReader {
public:
    using Options = CsvOptions;

    /// Reads up to the header (when options.hasHeader). The source must outlive the reader.
    /// Throws IngestError when the header is missing (empty file) or unreadable, or when the
    /// data is UTF-16 (which Excel writes as "Unicode Text"; it has to be saved as UTF-8).
    explicit CsvReader(ByteSource &source, CsvOptions options = {});

    /// Fills record with the next record; false at the end of the data. Bad records are
    /// returned with record.error set, never thrown. Throws IngestError only when the
    /// source cannot be read or a single line exceeds maxRecordBytes.
    bool next(CsvRecord &record);

    /// Column names from the header line, trimmed; empty when options.hasHeader is false.
    const std::vector<std::string> &header() const { return header_; }
    char delimiter() const { return delimiter_; }
    /// The encoding in use: the one chosen, unless a UTF-8 byte order mark overruled it.
    Encoding encoding() const { return encoding_; }

    /// The most frequent of ',' ';' and tab outside quotes on the first line of text
    /// (ties in that order); ',' when there is none, as in a one-column file.
    static char detectDelimiter(std::string_view headerLine);

private:
    enum class ParseOutcome {
        Complete, ///< a whole record ends inside the buffer
        NeedMoreBytes, ///< the buffer ends before the record does and the source has more
        QuoteNotClosed ///< the data ends inside a quoted field
    };

    /// What parseRecord found, as offsets from the record's first byte.
    struct ParsedExtent {
        std::size_t contentLength = 0; ///< up to the line break
        std::size_t totalLength = 0; ///< including the line break
        std::int64_t lineBreaksInside = 0; ///< inside quoted fields
    };

    ParseOutcome parseRecord(const char *begin, const char *end, bool atEnd,
        std::vector<std::string> &fields, ParsedExtent &extent) const;
    /// Compacts the buffer, grows it when one record fills it, and reads more bytes.
    void fillBuffer();
    bool skipBlankLines();
    void rejectFirstLineOfOpenQuote(CsvRecord &record);
    void finishRecord(CsvRecord &record, std::string_view rawBytes);
    static void addError(CsvRecord &record, std::string_view reason);
    void readHeader();

    ByteSource &source_;
    CsvOptions options_;
    char delimiter_ = ',';
    Encoding encoding_ = Encoding::Utf8;
    std::array<bool, 256> endsUnquotedField_ {}; ///< delimiter, CR, LF
    std::vector<char> buffer_;
    std::size_t begin_ = 0; ///< first unread byte in buffer_
    std::size_t end_ = 0; ///< one past the last byte read into buffer_
    bool sourceExhausted_ = false;
    std::int64_t nextLine_ = 1; ///< physical line number at begin_
    std::vector<std::string> header_;
    std::string scratch_; ///< reused for converting fields to UTF-8
};

} // namespace clientele
