#ifndef FORMPRESS_DEFLATE_H
#define FORMPRESS_DEFLATE_H

/// While on (non-zero), the deflate streams the calling thread starts through zlib's
/// `deflateInit_` code symbols by frequency alone (Z_HUFFMAN_ONLY) instead of searching for
/// repeated strings. Off again with 0. Other threads are not affected.
void fp_deflate_huffman_only(int on);

#endif
