#ifndef FORMPRESS_NUMBERS_H
#define FORMPRESS_NUMBERS_H

#include <stdarg.h>
#include <stddef.h>

/// Writes `value` with `decimals` digits after the point (0 to 18) into `buffer` (at most `size`
/// bytes, the terminating NUL included), exactly as glibc's printf "%.<decimals>f" does in the
/// C locale. Returns the length of the whole text (as snprintf does, even if `size` cut it
/// short), or -1 for a value it leaves to printf (not finite, or 2^63 or more in size).
int fp_format_fixed(char *buffer, size_t size, double value, int decimals);

/// Writes one conversion (`format` is "%f", "%.3f", "%.*f", "%d", "%ld", "%u", "%x", "%04x",
/// "%0*x" and the like, and nothing else) of `arguments` into `buffer` as glibc's vsnprintf
/// does; returns the length, or -1 for a format or value it leaves to glibc. The program's
/// __snprintf_chk (the one cairo calls) writes through it.
int fp_format_one(char *buffer, size_t size, const char *format, va_list arguments);

#endif
