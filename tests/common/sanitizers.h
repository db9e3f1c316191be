#pragma once

// Whether this test binary was built with AddressSanitizer (the `asan` preset). Memory bounds
// are then meaningless: freed blocks sit in ASan's quarantine (256 MiB by default) and every
// allocation carries red zones and shadow memory, so peak RSS measures the sanitizer, not us.
// GCC defines __SANITIZE_ADDRESS__; clang (before 16 in C++) only answers __has_feature.
namespace bge::test {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

} // namespace bge::test
