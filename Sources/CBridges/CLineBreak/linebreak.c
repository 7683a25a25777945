#include "formpress_linebreak.h"

#include <stdlib.h>
#include <unicode/ubrk.h>

struct fp_line_breaker {
    UBreakIterator *iterator;
};

fp_line_breaker *fp_line_breaker_open(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_LINE, locale, NULL, 0, &status);
    if (U_FAILURE(status) || iterator == NULL) return NULL;
    fp_line_breaker *breaker = malloc(sizeof *breaker);
    if (breaker == NULL) {
        ubrk_close(iterator);
        return NULL;
    }
    breaker->iterator = iterator;
    return breaker;
}

int32_t fp_line_breaker_breaks(fp_line_breaker *breaker, const uint16_t *text, int32_t length,
                               int32_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    for (int32_t offset = ubrk_first(breaker->iterator); offset != UBRK_DONE;
         offset = ubrk_next(breaker->iterator)) {
        if (offset == 0) continue;
        if (count < capacity) out[count] = offset;
        count++;
    }
    /* Detach the text: the caller's buffer may go away after this call. */
    ubrk_setText(breaker->iterator, NULL, 0, &status);
    return count;
}

void fp_line_breaker_close(fp_line_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}
