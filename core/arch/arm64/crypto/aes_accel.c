/*
 * crypto/aes_accel.h on Arm: the crypto extension's AES (aes_ce.c) run in
 * pieces, each inside an FP section of the core (fp_core_begin/end), which
 * keeps interrupts masked. A piece is at most SECTION_BLOCKS blocks so that
 * a foreign interrupt never waits long.
 */
#include <crypto/aes_accel.h>
#include <rampart/arm64.h>
#include <tee/user_fp.h>

#include "aes_ce.h"

#define SECTION_BLOCKS 256 /* 4 KiB */
#define ISAR0_AES_SHIFT 4

bool aes_accel_available(void)
{
	static int have = -1;

	if (have < 0)
		have = CFG_CRYPTO_AES_CE &&
		       ((read_sysreg(id_aa64isar0_el1) >> ISAR0_AES_SHIFT) &
			0xf) != 0;
	return have;
}

/* One mode's blocks in sections; @state: the IV, counter or tweak. */
static void in_sections(aes_ce_fn fn, const uint32_t *rk, int nr, bool decrypt,
			uint8_t *state, const uint8_t *in, uint8_t *out,
			size_t blocks)
{
	while (blocks) {
		size_t n = blocks < SECTION_BLOCKS ? blocks : SECTION_BLOCKS;
		uint64_t s = fp_core_begin();

		fn(rk, nr, decrypt, state, in, out, n);
		fp_core_end(s);
		in += 16 * n;
		out += 16 * n;
		blocks -= n;
	}
}

void aes_accel_ecb(const uint32_t *rk, int nr, bool decrypt, const uint8_t *in,
		   uint8_t *out, size_t blocks)
{
	in_sections(aes_ce_ecb, rk, nr, decrypt, NULL, in, out, blocks);
}

void aes_accel_cbc(const uint32_t *rk, int nr, bool decrypt, uint8_t iv[16],
		   const uint8_t *in, uint8_t *out, size_t blocks)
{
	in_sections(aes_ce_cbc, rk, nr, decrypt, iv, in, out, blocks);
}

void aes_accel_ctr(const uint32_t *rk, int nr, uint8_t ctr[16],
		   const uint8_t *in, uint8_t *out, size_t blocks)
{
	in_sections(aes_ce_ctr, rk, nr, false, ctr, in, out, blocks);
}

void aes_accel_xts(const uint32_t *rk, int nr, bool decrypt, uint8_t tweak[16],
		   const uint8_t *in, uint8_t *out, size_t blocks)
{
	in_sections(aes_ce_xts, rk, nr, decrypt, tweak, in, out, blocks);
}
