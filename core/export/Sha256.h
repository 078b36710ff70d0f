#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

struct evp_md_ctx_st;
struct evp_md_st;

namespace clientele {

/**
 * SHA-256 through OpenSSL's EVP interface, for hashed ad-audience identifiers and the
 * checksum of exported files. One instance reuses its digest context, so hashing millions
 * of short values allocates nothing per value. Not thread-safe: one instance per thread.
 */
class Sha256 {
public:
    using Digest = std::array<std::uint8_t, 32>;

    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    /// Incremental use: add() any number of times, then finish(); the next add() starts over.
    void add(std::string_view bytes);
    Digest finish();

    /// The digest of text as 64 lower-case hex characters, appended to out (no allocation
    /// once out has the capacity).
    void appendHex(std::string_view text, std::string &out);

    /// Convenience: the lower-case hex digest of text.
    static std::string hex(std::string_view text);
    static std::string toHex(const Digest &digest);

private:
    void start();

    evp_md_ctx_st *context_ = nullptr;
    evp_md_st *md_ = nullptr;
    bool started_ = false;
};

} // namespace clientele
