#pragma once

#include <string>
#include <string_view>

namespace clientele {

/**
 * Writes CSV as RFC 4180 describes it, into a string the caller drains (to a file, or into
 * a test's expectation): fields separated by the delimiter, records ended by CRLF, a field
 * quoted when it holds the delimiter, a quote, CR or LF (or starts or ends with a space,
 * which some importers trim), quotes inside doubled.
 *
 * Spreadsheet safety (OWASP "CSV injection"): a text field that starts with `=`, `+`, `-`,
 * `@`, tab or carriage return is a formula or a payload to Excel and LibreOffice, so
 * field() neutralises it with a leading apostrophe (`=1+1` becomes `'=1+1`, which a
 * spreadsheet shows as text). Values the exporter produced itself and that cannot carry a
 * formula go through rawField(): SHA-256 hex, numbers such as `-5.5`, validated E.164
 * phones (`+` and digits only) and discount codes.
 */
class CsvWriter {
public:
    /// delimiter: ',' (RFC 4180) or ';' (what European spreadsheets expect).
    explicit CsvWriter(std::string &out, char delimiter = ',');

    /// Text from the workspace: quoted as needed and neutralised when it could be a formula.
    void field(std::string_view value);
    /// A value that cannot be a formula (see the class comment): only quoted as needed.
    void rawField(std::string_view value);
    /// Ends the record with CRLF.
    void endRecord();

    /// The UTF-8 byte order mark, for spreadsheets that guess the encoding otherwise.
    static constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

    /// True when a spreadsheet would read value as a formula (its first character).
    static bool looksLikeFormula(std::string_view value);

private:
    void separate();
    void write(std::string_view value, bool neutralise);

    std::string &out_;
    char delimiter_;
    bool atRecordStart_ = true;
};

} // namespace clientele
