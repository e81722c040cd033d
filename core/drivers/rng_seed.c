/*
 * Seed material for the DRBG.
 *
 * FEAT_RNG (ID_AA64ISAR0_EL1.RNDR != 0, e.g. QEMU -cpu max): RNDR returns
 * 64 bits from the implementation's conditioned TRNG/DRBG, or sets
 * PSTATE.Z when it cannot deliver in reasonable time; we retry a bounded
 * number of times.
 *
 * Without it (cortex-a57) QEMU's virt machine offers the secure world no
 * entropy device at all. The fallback times a data-dependent memory walk
 * with CNTPCT_EL0 and folds the deltas through SHA-256. On emulation this
 * is little more than host scheduling noise: it is logged as WEAK.
 */
#include <crypto/crypto.h>
#include <drivers/rng_seed.h>
#include <kernel/log.h>
#include <rampart/arm64.h>
#include <string.h>

#define ID_AA64ISAR0_RNDR_SHIFT 60
#define RNDR_RETRIES 128
#define JITTER_SAMPLES 1024 /* timed walks per 32-byte output block */
#define JITTER_WALK 64      /* memory operations per timed walk */
#define JITTER_POOL 256     /* bytes walked (on the stack) */

static enum rng_seed_source chosen;
static enum rng_seed_source last_used;
static bool weak_warned;

static bool cpu_has_rndr(void)
{
	return (read_sysreg(id_aa64isar0_el1) >> ID_AA64ISAR0_RNDR_SHIFT) & 0xf;
}

static bool rndr_read(uint64_t *val)
{
	for (int i = 0; i < RNDR_RETRIES; i++) {
		uint64_t v, ok;

		/* RNDR; Z set (ne false) means no number this time. */
		__asm__ volatile("mrs %0, S3_3_C2_C4_0\n\t"
				 "cset %1, ne"
				 : "=r"(v), "=r"(ok)
				 :
				 : "cc");
		if (ok) {
			*val = v;
			return true;
		}
	}
	return false;
}

static TEE_Result seed_from_rndr(uint8_t *out, size_t len)
{
	uint64_t v, prev = 0;
	bool have_prev = false;

	while (len) {
		size_t n = len < sizeof(v) ? len : sizeof(v);

		if (!rndr_read(&v))
			return TEE_ERROR_BUSY;
		/* Repetition health test: equal 64-bit outputs are a fault. */
		if (have_prev && v == prev)
			return TEE_ERROR_GENERIC;
		prev = v;
		have_prev = true;
		memcpy(out, &v, n);
		out += n;
		len -= n;
	}
	return TEE_SUCCESS;
}

static inline uint64_t counter(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

/* One 32-byte block; false if the timer showed no variation at all. */
static bool jitter_block(uint8_t out[CRYPTO_SHA256_SIZE], uint64_t block)
{
	struct crypto_sha256_ctx ctx;
	volatile uint8_t pool[JITTER_POOL];
	uint16_t deltas[64];
	uint64_t first = 0, t0, t1, ident[3];
	unsigned int idx = 0, varied = 0;

	for (unsigned int i = 0; i < JITTER_POOL; i++)
		pool[i] = (uint8_t)i;
	crypto_sha256_init(&ctx);
	ident[0] = block;
	ident[1] = counter();
	ident[2] = read_sysreg(mpidr_el1);
	crypto_sha256_update(&ctx, ident, sizeof(ident));

	for (unsigned int s = 0; s < JITTER_SAMPLES; s++) {
		t0 = counter();
		for (unsigned int j = 0; j < JITTER_WALK; j++) {
			idx = (idx * 29u + pool[idx] + (unsigned int)t0 + j) %
			      JITTER_POOL;
			pool[idx] ^= (uint8_t)(t0 >> (j & 15));
		}
		t1 = counter();
		deltas[s % ARRAY_SIZE(deltas)] = (uint16_t)(t1 - t0);
		if (s == 0)
			first = t1 - t0;
		else if (t1 - t0 != first)
			varied++;
		if (s % ARRAY_SIZE(deltas) == ARRAY_SIZE(deltas) - 1)
			crypto_sha256_update(&ctx, deltas, sizeof(deltas));
	}
	t1 = counter();
	crypto_sha256_update(&ctx, &t1, sizeof(t1));
	crypto_sha256_final(&ctx, out);
	memset(deltas, 0, sizeof(deltas));
	return varied > 0;
}

static TEE_Result seed_from_jitter(uint8_t *out, size_t len)
{
	static uint64_t blocks;
	uint8_t block[CRYPTO_SHA256_SIZE];

	while (len) {
		size_t n = len < sizeof(block) ? len : sizeof(block);

		if (!jitter_block(block, blocks++)) {
			core_log("rng: CNTPCT_EL0 shows no jitter: no seed");
			return TEE_ERROR_GENERIC;
		}
		memcpy(out, block, n);
		out += n;
		len -= n;
	}
	memset(block, 0, sizeof(block));
	return TEE_SUCCESS;
}

static void warn_weak(void)
{
	if (weak_warned)
		return;
	weak_warned = true;
	core_log("*****************************************************");
	core_log("* WARNING: NO HARDWARE ENTROPY (no FEAT_RNG/RNDR).  *");
	core_log("* The DRBG is seeded from CNTPCT_EL0 timing jitter  *");
	core_log("* only. This seed is WEAK: keys, nonces and random  *");
	core_log("* numbers from this core are NOT fit for real use.  *");
	core_log("*****************************************************");
}

TEE_Result rng_get_seed(void *buf, size_t len)
{
	TEE_Result res;

	if (!buf && len)
		return TEE_ERROR_BAD_PARAMETERS;
	if (chosen == RNG_SEED_NONE)
		chosen = cpu_has_rndr() ? RNG_SEED_RNDR : RNG_SEED_JITTER;

	if (chosen == RNG_SEED_RNDR) {
		res = seed_from_rndr(buf, len);
		if (!res) {
			last_used = RNG_SEED_RNDR;
			return TEE_SUCCESS;
		}
		core_log("rng: RNDR failed (0x%x), falling back to jitter", res);
	}
	warn_weak();
	res = seed_from_jitter(buf, len);
	if (res) {
		memset(buf, 0, len);
		return res;
	}
	last_used = RNG_SEED_JITTER;
	return TEE_SUCCESS;
}

enum rng_seed_source rng_seed_source(void)
{
	return last_used;
}

const char *rng_seed_source_name(void)
{
	switch (last_used) {
	case RNG_SEED_RNDR:
		return "RNDR (FEAT_RNG)";
	case RNG_SEED_JITTER:
		return "CNTPCT jitter (WEAK)";
	default:
		return "none";
	}
}
