#pragma once

#include <sys/resource.h>

#include <chrono>
#include <cstdio>

namespace clientele::bench {

/// Peak resident memory of this process so far, in MiB.
inline double peakMemoryMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

/// Wall-clock stopwatch for one measured step.
class Stopwatch {
public:
    Stopwatch()
        : start_(std::chrono::steady_clock::now())
    {
    }
    double seconds() const
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

private:
    std::chrono::steady_clock::time_point start_;
};

} // namespace clientele::bench
