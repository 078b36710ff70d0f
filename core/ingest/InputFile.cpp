#include "InputFile.h"

#include "IngestError.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <istream>
#include <new>
#include <string_view>

namespace clientele {

std::size_t StringSource::read(char *buffer, std::size_t capacity)
{
    const std::size_t count = std::min(capacity, bytes_.size() - position_);
    std::memcpy(buffer, bytes_.data() + position_, count);
    position_ += count;
    return count;
}

std::size_t StreamSource::read(char *buffer, std::size_t capacity)
{
    stream_.read(buffer, static_cast<std::streamsize>(capacity));
    if (stream_.bad())
        throw IngestError(IngestError::Kind::ReadFailed, "Reading the data failed.");
    return static_cast<std::size_t>(stream_.gcount());
}

/// zlib's state for one gzip file; kept out of the header so zlib stays private to core.
struct InputFile::Inflater {
    z_stream stream {};
    bool finished = false; ///< the last member ended and nothing follows

    Inflater()
    {
        // 16 + 15: gzip wrapper only, largest window. Anything else is not our file type.
        if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
            throw std::bad_alloc();
    }
    ~Inflater() { inflateEnd(&stream); }
    Inflater(const Inflater &) = delete;
    Inflater &operator=(const Inflater &) = delete;
};

namespace {

std::string quoted(const std::string &path)
{
    return "\"" + path + "\"";
}

bool startsWithGzipMagic(const char *bytes, std::size_t size)
{
    return size >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f
        && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

} // namespace

InputFile::InputFile(const std::string &path)
    : path_(path)
{
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored))
        throw IngestError(IngestError::Kind::CannotOpen,
            quoted(path) + " is a folder, not a file. Choose a file inside it.");

    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) {
        const int error = errno;
        if (error == ENOENT)
            throw IngestError(
                IngestError::Kind::CannotOpen, "The file " + quoted(path) + " does not exist.");
        if (error == EACCES || error == EPERM)
            throw IngestError(IngestError::Kind::CannotOpen,
                "Clientele is not allowed to read " + quoted(path) + " (permission denied).");
        throw IngestError(IngestError::Kind::CannotOpen,
            "Cannot open " + quoted(path) + ": " + std::strerror(error) + ".");
    }

    std::error_code sizeError;
    const auto size = std::filesystem::file_size(path, sizeError);
    fileSize_ = sizeError ? 0 : static_cast<std::uint64_t>(size);

    input_.resize(kChunkSize);
    refillInput();
    const std::string_view start(input_.data() + inputBegin_, inputEnd_ - inputBegin_);
    if (start.starts_with("PK\x03\x04"))
        throw IngestError(IngestError::Kind::UnsupportedFormat,
            quoted(path)
                + " is a ZIP archive or an Excel workbook, not a text file. Unpack the "
                  "archive first, or save the sheet from Excel as \"CSV UTF-8\".");
    if (startsWithGzipMagic(start.data(), start.size())) {
        inflater_ = std::make_unique<Inflater>();
        inflater_->stream.next_in = reinterpret_cast<Bytef *>(input_.data() + inputBegin_);
        inflater_->stream.avail_in = static_cast<uInt>(inputEnd_ - inputBegin_);
    }
}

InputFile::~InputFile()
{
    if (file_)
        std::fclose(file_);
}

std::uint64_t InputFile::compressedBytesRead() const
{
    return bytesFromDisk_ - (inputEnd_ - inputBegin_);
}

std::size_t InputFile::read(char *buffer, std::size_t capacity)
{
    if (capacity == 0)
        return 0;
    return inflater_ ? readCompressed(buffer, capacity) : readPlain(buffer, capacity);
}

void InputFile::refillInput()
{
    if (inputBegin_ > 0) {
        std::memmove(input_.data(), input_.data() + inputBegin_, inputEnd_ - inputBegin_);
        inputEnd_ -= inputBegin_;
        inputBegin_ = 0;
    }
    if (!diskAtEnd_ && inputEnd_ < input_.size()) {
        const std::size_t got
            = std::fread(input_.data() + inputEnd_, 1, input_.size() - inputEnd_, file_);
        if (got < input_.size() - inputEnd_) {
            if (std::ferror(file_))
                throwReadFailed(errno);
            diskAtEnd_ = true;
        }
        inputEnd_ += got;
        bytesFromDisk_ += got;
    }
    if (inflater_) {
        inflater_->stream.next_in = reinterpret_cast<Bytef *>(input_.data() + inputBegin_);
        inflater_->stream.avail_in = static_cast<uInt>(inputEnd_ - inputBegin_);
    }
}

std::size_t InputFile::readPlain(char *buffer, std::size_t capacity)
{
    // First hand on what was read to look for the gzip magic, then read straight into the
    // caller's buffer, without copying through ours.
    if (inputBegin_ < inputEnd_) {
        const std::size_t count = std::min(capacity, inputEnd_ - inputBegin_);
        std::memcpy(buffer, input_.data() + inputBegin_, count);
        inputBegin_ += count;
        return count;
    }
    if (diskAtEnd_)
        return 0;
    const std::size_t got = std::fread(buffer, 1, capacity, file_);
    if (got < capacity) {
        if (std::ferror(file_))
            throwReadFailed(errno);
        diskAtEnd_ = true;
    }
    bytesFromDisk_ += got;
    return got;
}

std::size_t InputFile::readCompressed(char *buffer, std::size_t capacity)
{
    z_stream &stream = inflater_->stream;
    // zlib counts in uInt; a caller's huge buffer is simply filled in several reads.
    const auto outputCapacity = static_cast<uInt>(std::min<std::size_t>(capacity, UINT_MAX));
    stream.next_out = reinterpret_cast<Bytef *>(buffer);
    stream.avail_out = outputCapacity;

    while (stream.avail_out > 0 && !inflater_->finished) {
        if (stream.avail_in == 0) {
            refillInput();
            if (stream.avail_in == 0)
                throwDamaged("it is cut off: the compressed data stops before its end. Copy or "
                             "download the file again");
        }
        const int result = inflate(&stream, Z_NO_FLUSH);
        inputBegin_ = inputEnd_ - stream.avail_in;
        if (result == Z_STREAM_END) {
            // A member is complete. gzip allows several in a row (e.g. `cat a.gz b.gz`).
            if (stream.avail_in < 2 && !diskAtEnd_)
                refillInput();
            if (startsWithGzipMagic(
                    reinterpret_cast<const char *>(stream.next_in), stream.avail_in))
                inflateReset(&stream);
            else
                inflater_->finished = true;
        } else if (result == Z_DATA_ERROR || result == Z_NEED_DICT) {
            throwDamaged(
                std::string("it is damaged (") + (stream.msg ? stream.msg : "bad data") + ")");
        } else if (result == Z_MEM_ERROR) {
            throw std::bad_alloc();
        } else if (result != Z_OK && result != Z_BUF_ERROR) {
            throwDamaged("the decompressor failed");
        }
    }
    return outputCapacity - stream.avail_out;
}

void InputFile::throwReadFailed(int errorNumber) const
{
    throw IngestError(IngestError::Kind::ReadFailed,
        "Reading " + quoted(path_) + " failed: " + std::strerror(errorNumber) + ".");
}

void InputFile::throwDamaged(const std::string &reason) const
{
    throw IngestError(IngestError::Kind::DamagedCompression,
        "The compressed file " + quoted(path_) + " cannot be read: " + reason + ".");
}

bool refillWindow(
    ByteSource &source, std::vector<char> &buffer, std::size_t &begin, std::size_t &end)
{
    if (begin > 0) {
        std::memmove(buffer.data(), buffer.data() + begin, end - begin);
        end -= begin;
        begin = 0;
    }
    if (end == buffer.size())
        buffer.resize(buffer.size() * 2);
    const std::size_t got = source.read(buffer.data() + end, buffer.size() - end);
    end += got;
    return got != 0;
}

} // namespace clientele
