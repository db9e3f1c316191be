#pragma once

#include "apierror.h"

#include <optional>
#include <utility>

namespace bge {

// Either a value or an error: what every job completes with.
template <typename T>
class Result final
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(ApiError error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const { return *m_value; }
    T& value() { return *m_value; }
    const T* operator->() const { return &*m_value; }
    const ApiError& error() const { return m_error; }

private:
    std::optional<T> m_value;
    ApiError m_error;
};

} // namespace bge
