#pragma once

#include <stdexcept>

namespace collapse {

// A problem with a data file (images, a text corpus); the message names the file and what is wrong
// with it.
class DataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace collapse
