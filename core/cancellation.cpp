#include "core/cancellation.h"

namespace collapse {

namespace {

thread_local const std::atomic<bool>* boundFlag = nullptr;

} // namespace

CancellationScope::CancellationScope(const std::atomic<bool>* flag) : previous_(boundFlag)
{
    boundFlag = flag;
}

CancellationScope::~CancellationScope()
{
    boundFlag = previous_;
}

void throwIfCancelled()
{
    if (boundFlag != nullptr && boundFlag->load(std::memory_order_relaxed)) {
        throw Cancelled();
    }
}

} // namespace collapse
