#include "Sha256.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace clientele {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

void appendHexDigits(const std::uint8_t *bytes, std::size_t size, std::string &out)
{
    for (std::size_t i = 0; i < size; ++i) {
        out.push_back(kHexDigits[bytes[i] >> 4]);
        out.push_back(kHexDigits[bytes[i] & 0x0f]);
    }
}

} // namespace

Sha256::Sha256()
    : context_(EVP_MD_CTX_new())
    // Fetched once: EVP_sha256() would look the implementation up again on every init.
    , md_(EVP_MD_fetch(nullptr, "SHA256", nullptr))
{
    if (!context_ || !md_) {
        EVP_MD_CTX_free(context_);
        EVP_MD_free(md_);
        throw std::runtime_error("SHA-256 is not available from OpenSSL.");
    }
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(context_);
    EVP_MD_free(md_);
}

void Sha256::start()
{
    if (EVP_DigestInit_ex2(context_, md_, nullptr) != 1)
        throw std::runtime_error("SHA-256 could not be started.");
    started_ = true;
}

void Sha256::add(std::string_view bytes)
{
    if (!started_)
        start();
    if (EVP_DigestUpdate(context_, bytes.data(), bytes.size()) != 1)
        throw std::runtime_error("SHA-256 failed.");
}

Sha256::Digest Sha256::finish()
{
    if (!started_)
        start();
    Digest digest {};
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(context_, digest.data(), &size) != 1 || size != digest.size())
        throw std::runtime_error("SHA-256 failed.");
    started_ = false;
    return digest;
}

void Sha256::appendHex(std::string_view text, std::string &out)
{
    start();
    add(text);
    const Digest digest = finish();
    appendHexDigits(digest.data(), digest.size(), out);
}

std::string Sha256::hex(std::string_view text)
{
    Sha256 sha;
    std::string out;
    out.reserve(64);
    sha.appendHex(text, out);
    return out;
}

std::string Sha256::toHex(const Digest &digest)
{
    std::string out;
    out.reserve(64);
    appendHexDigits(digest.data(), digest.size(), out);
    return out;
}

} // namespace clientele
