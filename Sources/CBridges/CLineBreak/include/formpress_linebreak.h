/* Line-break opportunities from ICU, behind a header with no ICU type.
 *
 * Foundation on Linux carries a private ICU module with the same C names; a Swift module that
 * saw both would not compile ("'UErrorCode' has different definitions"), so ICU stays inside
 * this C target. Offsets are in UTF-16 code units. */
#ifndef FORMPRESS_LINEBREAK_H
#define FORMPRESS_LINEBREAK_H

#include <stdint.h>

typedef struct fp_line_breaker fp_line_breaker;

/* A line-break iterator for a locale such as "zh@lb=strict"; NULL if ICU refuses it. */
fp_line_breaker *fp_line_breaker_open(const char *locale);

/* Writes the break offsets after text[0] (the end of the text included) into out, at most
 * capacity of them, and returns how many there are (which may exceed capacity), or -1. */
int32_t fp_line_breaker_breaks(fp_line_breaker *breaker, const uint16_t *text, int32_t length,
                               int32_t *out, int32_t capacity);

void fp_line_breaker_close(fp_line_breaker *breaker);

#endif
