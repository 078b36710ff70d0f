#pragma once

#include <stdexcept>
#include <string>

namespace clientele {

/**
 * An export that cannot be made, with a message a marketer can read: an unknown column, a
 * discount-code pattern with too few random characters, an output file that exists or
 * cannot be written. Nothing has been written or recorded when it is thrown.
 */
class ExportError : public std::runtime_error {
public:
    explicit ExportError(const std::string &message)
        : std::runtime_error(message)
    {
    }
};

} // namespace clientele
