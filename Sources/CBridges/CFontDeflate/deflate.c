#include "formpress_deflate.h"

#include <zlib.h>

/* cairo 1.16 deflates every stream of a PDF, its fonts among them, through deflateInit_ at
 * zlib's default level, and offers no choice. A font program (about 49 KB of outlines for a
 * one-form PDF) compresses only by a fifth, and searching it for repeats is about a third of
 * the time a one-form file takes; coding its bytes by frequency alone takes a quarter of the
 * time deflating it did, for about a tenth more bytes. This definition, in the program, is the
 * one cairo's calls bind to (an executable's symbols come first). When the calling thread has
 * not asked for Huffman coding it does exactly what zlib's own deflateInit_ does. */

static _Thread_local int huffman_only;

void fp_deflate_huffman_only(int on) { huffman_only = on; }

int deflateInit_(z_streamp stream, int level, const char *version, int stream_size) {
    enum { zlib_default_memory_level = 8 };  /* zlib's DEF_MEM_LEVEL, which deflateInit_ uses */
    return deflateInit2_(stream, level, Z_DEFLATED, MAX_WBITS, zlib_default_memory_level,
                         huffman_only ? Z_HUFFMAN_ONLY : Z_DEFAULT_STRATEGY, version, stream_size);
}
