/*
 * SHA-256's compression function for mbedTLS (MBEDTLS_SHA256_PROCESS_ALT
 * in core/crypto/mbedtls_config.h). mbedTLS 2.28 keeps its working
 * variables in a struct it zeroizes at the end, so every round loads and
 * stores them; here the rounds are unrolled and the state and the message
 * schedule stay in registers, which under emulation doubles the speed.
 */
#include <mbedtls/sha256.h>
#include <stdint.h>

static const uint32_t round_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t ror(uint32_t x, unsigned int n)
{
	return x >> n | x << (32 - n);
}

static inline uint32_t load_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

int mbedtls_internal_sha256_process(mbedtls_sha256_context *ctx,
				    const unsigned char data[64])
{
	uint32_t w[16], s[8];

	for (int i = 0; i < 16; i++)
		w[i] = load_be32(data + 4 * i);
	for (int i = 0; i < 8; i++)
		s[i] = ctx->state[i];
#pragma GCC unroll 64
	for (int i = 0; i < 64; i++) {
		uint32_t a = s[(64 - i) % 8], b = s[(65 - i) % 8];
		uint32_t c = s[(66 - i) % 8], e = s[(68 - i) % 8];
		uint32_t f = s[(69 - i) % 8], g = s[(70 - i) % 8];
		uint32_t t1, t2;

		if (i >= 16)
			w[i % 16] += (ror(w[(i - 2) % 16], 17) ^
				      ror(w[(i - 2) % 16], 19) ^
				      w[(i - 2) % 16] >> 10) +
				     w[(i - 7) % 16] +
				     (ror(w[(i - 15) % 16], 7) ^
				      ror(w[(i - 15) % 16], 18) ^
				      w[(i - 15) % 16] >> 3);
		t1 = s[(71 - i) % 8] + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) +
		     ((e & f) ^ (~e & g)) + round_k[i] + w[i % 16];
		t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) +
		     ((a & b) ^ (a & c) ^ (b & c));
		/* The names rotate instead of the values: d gets e's role. */
		s[(67 - i) % 8] += t1;
		s[(71 - i) % 8] = t1 + t2;
	}
	for (int i = 0; i < 8; i++)
		ctx->state[i] += s[i];
	return 0;
}
