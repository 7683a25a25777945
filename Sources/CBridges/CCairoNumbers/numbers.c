#include "formpress_numbers.h"

#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* cairo 1.16 writes every number of a PDF page (each glyph's position, each rule's ends) with
 * snprintf "%f", or "%.18f" below 0.1 (_cairo_dtostr); Debian builds it with _FORTIFY_SOURCE,
 * so the calls are to __snprintf_chk. glibc's printf of a double is general and exact, and it
 * was nearly a third of the instructions of drawing a page. This definition, in the program, is
 * the one cairo's calls bind to (an executable's symbols come first, as for deflateInit_). A
 * format that is one fixed-point double or one integer (cairo hands snprintf one conversion at
 * a time, glyph ids as "%0*x") is written here with the same characters; every other format,
 * and every value this does not cover, goes to glibc. */

typedef unsigned __int128 uint128;

static const uint64_t powers_of_ten[19] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull,
    1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull, 10000000000000ull,
    100000000000000ull, 1000000000000000ull, 10000000000000000ull, 100000000000000000ull,
    1000000000000000000ull,
};

/* Writes `text` (`length` bytes) as snprintf would into `buffer` of `size` bytes. */
static int put(char *buffer, size_t size, const char *text, size_t length) {
    if (size > 0) {
        size_t copied = length < size - 1 ? length : size - 1;
        memcpy(buffer, text, copied);
        buffer[copied] = '\0';
    }
    return (int)length;
}

int fp_format_fixed(char *buffer, size_t size, double value, int decimals) {
    if (decimals < 0 || decimals > 18) return -1;
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    int negative = (int)(bits >> 63);
    int biased = (int)((bits >> 52) & 0x7ff);
    uint64_t fraction = bits & ((1ull << 52) - 1);
    if (biased == 0x7ff) return -1;  /* infinite or not a number */
    /* value = mantissa * 2^exponent, exactly */
    uint64_t mantissa = biased == 0 ? fraction : fraction | (1ull << 52);
    int exponent = biased == 0 ? -1074 : biased - 1075;
    if (exponent > 10) return -1;  /* 2^63 or more: the integer part would not fit */

    /* The value times 10^decimals (below 2^113, or 2^123 shifted left), rounded to the nearest
     * integer, ties to even, as glibc rounds the exact binary value in the default mode. */
    uint128 scaled = (uint128)mantissa * powers_of_ten[decimals];
    uint128 rounded;
    if (exponent >= 0) {
        rounded = scaled << exponent;
    } else if (-exponent >= 128) {
        rounded = 0;  /* below 2^113 / 2^128: far below one half */
    } else {
        int shift = -exponent;
        rounded = scaled >> shift;
        uint128 rest = scaled & (((uint128)1 << shift) - 1);
        uint128 half = (uint128)1 << (shift - 1);
        if (rest > half || (rest == half && (rounded & 1))) rounded += 1;
    }
    uint64_t whole = (uint64_t)(rounded / powers_of_ten[decimals]);
    uint64_t part = (uint64_t)(rounded % powers_of_ten[decimals]);

    char text[48];
    char *end = text + sizeof text;
    char *start = end;
    for (int digit = 0; digit < decimals; digit++) {
        *--start = (char)('0' + part % 10);
        part /= 10;
    }
    if (decimals > 0) *--start = '.';
    do {
        *--start = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole > 0);
    if (negative) *--start = '-';  /* printf keeps the sign of -0.0 and of what rounds to it */

    return put(buffer, size, start, (size_t)(end - start));
}

/* A format that is one conversion and nothing else, as cairo's printf hands each of its own
 * to snprintf: a fixed-point double ("%f", "%.18f", "%.*f") or an integer ("%d", "%ld", "%u",
 * "%x", "%04x", "%0*x"). Anything else (other flags, %s, %g, ...) is not one of these. */
struct conversion {
    char type;        /* 'f', 'd', 'u', 'x' or 'X'; 0: not one of these */
    int zero_padded;
    int width;        /* -2: given by an argument */
    int precision;    /* decimals of 'f'; -2: given by an argument */
    int is_long;
};

static struct conversion parse(const char *format) {
    struct conversion none = {0, 0, 0, 0, 0}, c = {0, 0, 0, 6, 0};
    const char *p = format;
    if (*p++ != '%') return none;
    if (*p == '0') { c.zero_padded = 1; p++; }
    if (*p == '*') { c.width = -2; p++; }
    else for (int digits = 0; *p >= '0' && *p <= '9'; p++) {
        if (++digits > 3) return none;
        c.width = c.width * 10 + (*p - '0');
    }
    if (*p == '.') {
        p++;
        c.precision = 0;
        if (*p == '*') { c.precision = -2; p++; }
        else for (int digits = 0; *p >= '0' && *p <= '9'; p++) {
            if (++digits > 2) return none;
            c.precision = c.precision * 10 + (*p - '0');
        }
        if (*p != 'f') return none;  /* an integer's precision is left to glibc */
    }
    if (*p == 'l') { c.is_long = 1; p++; }
    switch (*p) {
    case 'f': if (c.is_long || c.width != 0 || c.zero_padded) return none; break;
    case 'i': c.type = 'd'; break;
    case 'd': case 'u': case 'x': case 'X': break;
    default: return none;
    }
    if (!c.type) c.type = *p;
    if (p[1] != '\0') return none;
    return c;
}

/* An integer as printf writes it: digits in base 10 or 16, its sign, padded to `width` with
 * spaces before the sign or zeros after it. */
static int format_integer(char *buffer, size_t size, struct conversion c, int negative, unsigned long magnitude) {
    char text[96];
    char *end = text + sizeof text, *start = end;
    const char *digits = c.type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned base = c.type == 'x' || c.type == 'X' ? 16 : 10;
    do {
        *--start = digits[magnitude % base];
        magnitude /= base;
    } while (magnitude > 0);
    int sign = negative ? 1 : 0;
    while (c.zero_padded && end - start + sign < c.width) *--start = '0';
    if (negative) *--start = '-';
    while (end - start < c.width) *--start = ' ';
    return put(buffer, size, start, (size_t)(end - start));
}

int fp_format_one(char *buffer, size_t size, const char *format, va_list arguments) {
    struct conversion c = parse(format);
    if (!c.type) return -1;
    va_list copy;
    va_copy(copy, arguments);
    if (c.width == -2) c.width = va_arg(copy, int);
    if (c.precision == -2) c.precision = va_arg(copy, int);
    int length = -1;
    if (c.width < 0 || c.width > 64) {
        /* left-justified, or wider than written here: glibc's */
    } else if (c.type == 'f') {
        double value = va_arg(copy, double);
        /* The point is the locale's: in a locale writing another, glibc's. */
        const char *point = localeconv()->decimal_point;
        if (point[0] == '.' && point[1] == '\0') length = fp_format_fixed(buffer, size, value, c.precision);
    } else if (c.type == 'd') {
        long value = c.is_long ? va_arg(copy, long) : va_arg(copy, int);
        unsigned long magnitude = value < 0 ? 0ul - (unsigned long)value : (unsigned long)value;
        length = format_integer(buffer, size, c, value < 0, magnitude);
    } else {
        unsigned long value = c.is_long ? va_arg(copy, unsigned long) : va_arg(copy, unsigned int);
        length = format_integer(buffer, size, c, 0, value);
    }
    va_end(copy);
    return length;
}

extern int __vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, va_list ap);
extern void __chk_fail(void) __attribute__((noreturn));

int __snprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, ...) {
    if (slen < maxlen) __chk_fail();  /* as glibc's: the buffer is smaller than it is said to be */
    va_list arguments;
    va_start(arguments, format);
    int length = fp_format_one(s, maxlen, format, arguments);
    if (length < 0) length = __vsnprintf_chk(s, maxlen, flag, slen, format, arguments);
    va_end(arguments);
    return length;
}
