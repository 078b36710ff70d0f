#include "CsvWriter.h"

namespace clientele {

CsvWriter::CsvWriter(std::string &out, char delimiter)
    : out_(out)
    , delimiter_(delimiter)
{
}

bool CsvWriter::looksLikeFormula(std::string_view value)
{
    if (value.empty())
        return false;
    switch (value.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

void CsvWriter::separate()
{
    if (!atRecordStart_)
        out_.push_back(delimiter_);
    atRecordStart_ = false;
}

void CsvWriter::field(std::string_view value)
{
    write(value, true);
}

void CsvWriter::rawField(std::string_view value)
{
    write(value, false);
}

void CsvWriter::write(std::string_view value, bool neutralise)
{
    const bool atRecordStart = atRecordStart_;
    separate();
    const bool prefix = neutralise && looksLikeFormula(value);
    // An empty first field is written "" so that a one-column record is not a blank line,
    // which readers skip.
    bool quote = value.empty() ? atRecordStart : value.front() == ' ' || value.back() == ' ';
    if (!quote) {
        for (const char c : value) {
            if (c == delimiter_ || c == '"' || c == '\r' || c == '\n') {
                quote = true;
                break;
            }
        }
    }
    if (!quote) {
        if (prefix)
            out_.push_back('\'');
        out_.append(value);
        return;
    }
    out_.push_back('"');
    if (prefix)
        out_.push_back('\'');
    for (const char c : value) {
        if (c == '"')
            out_.push_back('"');
        out_.push_back(c);
    }
    out_.push_back('"');
}

void CsvWriter::endRecord()
{
    out_.append("\r\n");
    atRecordStart_ = true;
}

} // namespace clientele
