#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace clientele {

/// The character encodings an imported text file can be in. Core text is always UTF-8.
enum class Encoding {
    Utf8, ///< the default, and what JSON Lines always is
    Windows1252 ///< what Excel on Windows writes when saving "CSV" (not "CSV UTF-8")
};

/**
 * Turns the bytes of an imported file into UTF-8 text. Works on whole fields or records,
 * never per character through a virtual call, so readers can use it at full speed.
 *
 * Windows-1252: all 256 byte values are accepted. The five bytes the code page leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD (the replacement character "�"),
 * so that a stray byte shows up in the data instead of rejecting the row or the file.
 *
 * UTF-8: text is validated strictly (no overlong forms, no surrogates, nothing above
 * U+10FFFF). Invalid text is repaired with U+FFFD for every bad byte and reported as
 * invalid, so the reader can reject that row and suggest Windows-1252.
 */
class TextDecoder {
public:
    explicit TextDecoder(Encoding encoding = Encoding::Utf8)
        : encoding_(encoding)
    {
    }

    Encoding encoding() const { return encoding_; }

    /// Replaces out with the UTF-8 form of bytes. Returns false when UTF-8 input was not
    /// valid (out then holds the repaired text); Windows-1252 input always succeeds.
    bool decode(std::string_view bytes, std::string &out) const;

    /// The UTF-8 form of bytes, with U+FFFD where the input could not be read.
    std::string toUtf8(std::string_view bytes) const;

    /// 3 when bytes start with the UTF-8 byte order mark EF BB BF, otherwise 0.
    static std::size_t utf8BomLength(std::string_view bytes);

    /// True when every byte is below 0x80: such text is the same in every encoding we read.
    static bool isAscii(std::string_view bytes);

    static bool isValidUtf8(std::string_view bytes);

    /// Appends bytes to out, each invalid UTF-8 byte replaced by U+FFFD.
    static void appendRepairedUtf8(std::string_view bytes, std::string &out);

    /// Appends Windows-1252 bytes to out as UTF-8.
    static void appendWindows1252AsUtf8(std::string_view bytes, std::string &out);

    /// "UTF-8" or "Windows-1252", as shown to the user.
    static std::string_view displayName(Encoding encoding);

    /// Reads a name from a CLI option or a preset: "utf-8", "utf8", "windows-1252",
    /// "cp1252"; "latin1" and "iso-8859-1" also mean Windows-1252, as in web browsers,
    /// because files labelled Latin-1 are nearly always Windows-1252 in practice.
    static std::optional<Encoding> encodingFromName(std::string_view name);

private:
    Encoding encoding_;
};

} // namespace clientele
