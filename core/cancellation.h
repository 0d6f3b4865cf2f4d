#pragma once

#include <atomic>
#include <exception>

namespace collapse {

// Stopping a fit part-way. A network's fit takes seconds a generation (far more under a sanitizer), and a
// window that has moved on should not keep a core busy with it: the engine binds its run's cancel flag to
// the thread that runs a replicate's step, and the loops that take long (each minibatch of a network's
// training, core/minibatch_training.h) call throwIfCancelled(). The engine catches Cancelled and reports
// the run cancelled. The flag is bound to the thread rather than passed down, so that a model's fit says
// what fitting needs and nothing of the window.
//
// throwIfCancelled() must not be called inside an OpenMP parallel region of its own caller's making: an
// exception may not leave a region's body.

// What a cancelled fit throws; the engine, which bound the flag, catches it.
struct Cancelled : std::exception {
    const char* what() const noexcept override { return "the run was cancelled"; }
};

// Binds `flag` to this thread for the scope's lifetime (null: nothing can cancel), the previous binding
// coming back after it.
class CancellationScope {
public:
    explicit CancellationScope(const std::atomic<bool>* flag);
    ~CancellationScope();
    CancellationScope(const CancellationScope&) = delete;
    CancellationScope& operator=(const CancellationScope&) = delete;

private:
    const std::atomic<bool>* previous_;
};

// Throws Cancelled when the flag bound to this thread is set.
void throwIfCancelled();

} // namespace collapse
