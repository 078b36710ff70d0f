#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iosfwd>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace clientele {

/**
 * Where a reader gets its bytes: a file on disk (InputFile), a string in memory
 * (StringSource) or any std::istream (StreamSource). Readers ask for large blocks, so
 * the virtual call happens once per block, never per character.
 *
 * The interface lives here, beside its main implementation, to keep the ingest folder
 * small; it can move to its own header once more sources appear.
 */
class ByteSource {
public:
    virtual ~ByteSource() = default;
    /// Copies up to capacity bytes into buffer; returns how many, 0 only at the end.
    /// Throws IngestError when the underlying file cannot be read.
    virtual std::size_t read(char *buffer, std::size_t capacity) = 0;
};

/**
 * The readers' sliding window over a ByteSource: moves the unread bytes [begin, end) to
 * the front of buffer, grows buffer when they fill it, and appends what the source gives.
 * Returns false once the source is exhausted.
 */
bool refillWindow(
    ByteSource &source, std::vector<char> &buffer, std::size_t &begin, std::size_t &end);

/** Bytes held in memory: tests, pasted text, small generated files. */
class StringSource final : public ByteSource {
public:
    explicit StringSource(std::string bytes)
        : bytes_(std::move(bytes))
    {
    }
    std::size_t read(char *buffer, std::size_t capacity) override;

private:
    std::string bytes_;
    std::size_t position_ = 0;
};

/** Bytes from a std::istream that the caller owns and keeps alive while reading. */
class StreamSource final : public ByteSource {
public:
    explicit StreamSource(std::istream &stream)
        : stream_(stream)
    {
    }
    std::size_t read(char *buffer, std::size_t capacity) override;

private:
    std::istream &stream_;
};

/**
 * A file to import, opened for one sequential pass. Gzip files (recognised by their
 * magic bytes 1f 8b, whatever their name) are decompressed on the fly, so a marketer can
 * import `orders.csv.gz` as it came from the shop system. Concatenated gzip members are
 * read one after the other, like `gunzip` does; bytes after the last member that do not
 * start another member are ignored.
 *
 * Progress is measured on the file on disk (compressedBytesRead() of fileSize()), since
 * the size of the decompressed text is unknown until the end.
 *
 * Throws IngestError with a readable message when the file is missing, is a folder,
 * cannot be read, is a damaged or cut-off gzip file, or is a ZIP archive (an .xlsx
 * workbook is one): those need unpacking or saving as CSV first.
 */
class InputFile final : public ByteSource {
public:
    /// The block size readers should use: large enough that system calls and
    /// decompression calls cost nothing per row.
    static constexpr std::size_t kChunkSize = std::size_t(1) << 20;

    explicit InputFile(const std::string &path);
    ~InputFile() override;
    InputFile(const InputFile &) = delete;
    InputFile &operator=(const InputFile &) = delete;

    std::size_t read(char *buffer, std::size_t capacity) override;

    const std::string &path() const { return path_; }
    bool isCompressed() const { return inflater_ != nullptr; }
    /// Size of the file on disk, compressed or not.
    std::uint64_t fileSize() const { return fileSize_; }
    /// How much of the file on disk has been consumed so far, for a progress bar.
    std::uint64_t compressedBytesRead() const;

private:
    struct Inflater;

    /// Moves unread input to the front of input_ and tops it up from disk.
    void refillInput();
    std::size_t readPlain(char *buffer, std::size_t capacity);
    std::size_t readCompressed(char *buffer, std::size_t capacity);
    [[noreturn]] void throwReadFailed(int errorNumber) const;
    [[noreturn]] void throwDamaged(const std::string &reason) const;

    std::string path_;
    std::FILE *file_ = nullptr;
    std::uint64_t fileSize_ = 0;
    std::uint64_t bytesFromDisk_ = 0; ///< what fread delivered so far
    bool diskAtEnd_ = false;
    std::vector<char> input_; ///< raw bytes from disk not yet handed on or inflated
    std::size_t inputBegin_ = 0;
    std::size_t inputEnd_ = 0;
    std::unique_ptr<Inflater> inflater_; ///< set for gzip files only
};

} // namespace clientele
