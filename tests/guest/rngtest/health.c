/*
 * Health tests for a sample of random bytes, with fixed thresholds chosen
 * so that a good generator fails them with probability about 1e-7 per
 * 64 KiB sample: the test cannot be flaky, and a broken generator (stuck,
 * repeating, biased, or too regular) still fails at once.
 *
 * NIST SP 800-90B section 4.4, on 8-bit samples with the full-entropy
 * claim H = 8 bits per byte and a false-positive rate alpha = 2^-40:
 *  - Repetition Count Test: cutoff C = 1 + ceil(40 / 8) = 6 identical
 *    bytes in a row (2^-40 per position, 6e-8 over 65536 positions).
 *  - Adaptive Proportion Test, window W = 512: cutoff C = 20, the least C
 *    with P(1 + Binomial(511, 1/256) >= C) <= 2^-40 (2^-40.9). The same
 *    computation gives 13 for alpha = 2^-20, SP 800-90B's own table value.
 * Plus two sanity checks on the whole sample (n bytes, 8n bits):
 *  - monobit: |ones - 4n| <= 7 standard deviations (sqrt(8n) / 2), a
 *    two-sided p of 2.6e-12: 2534 for 64 KiB.
 *  - chi-square of the 256 byte counts (255 degrees of freedom): between
 *    136.5 and 425.9, the 1e-10 quantiles of each tail. The low side
 *    catches output that is too even to be random (a byte counter).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rngtest.h"

#define RCT_CUTOFF 6u
#define APT_WINDOW 512u
#define APT_CUTOFF 20u
#define CHI2_LOW 136.5
#define CHI2_HIGH 425.9

/* 7 sigma of Binomial(bits, 1/2), without libm: sqrt by bisection. */
static long monobit_limit(size_t bits)
{
	unsigned long lo = 0, hi = 1ul << 32;

	/* The largest s with s * s <= 49 * bits / 4. */
	while (lo < hi) {
		unsigned long mid = (lo + hi + 1) / 2;

		if ((unsigned long long)mid * mid <= 49ull * bits / 4)
			lo = mid;
		else
			hi = mid - 1;
	}
	return (long)lo;
}

void health_run(const uint8_t *p, size_t n, struct health *h)
{
	unsigned long counts[256] = {0}, ones = 0;
	unsigned int run = 1;
	double chi2 = 0, expect_n = (double)n / 256;

	memset(h, 0, sizeof(*h));
	h->rct_max = 1;
	for (size_t i = 0; i < n; i++) {
		counts[p[i]]++;
		ones += (unsigned long)__builtin_popcount(p[i]);
		run = i && p[i] == p[i - 1] ? run + 1 : 1;
		if (run > h->rct_max)
			h->rct_max = run;
	}
	for (size_t w = 0; w + APT_WINDOW <= n; w += APT_WINDOW) {
		unsigned int same = 1;

		for (size_t i = 1; i < APT_WINDOW; i++)
			same += p[w + i] == p[w];
		if (same > h->apt_max)
			h->apt_max = same;
	}
	for (int v = 0; v < 256; v++) {
		double d = (double)counts[v] - expect_n;

		chi2 += d * d / expect_n;
	}
	h->ones_dev = (long)ones - (long)(n * 4);
	h->chi2 = chi2;
	h->rct = h->rct_max < RCT_CUTOFF;
	h->apt = h->apt_max < APT_CUTOFF;
	h->monobit = labs(h->ones_dev) <= monobit_limit(n * 8);
	h->chi_high = chi2 <= CHI2_HIGH;
	h->chi_low = chi2 >= CHI2_LOW;
}

bool health_passed(const struct health *h)
{
	return h->rct && h->apt && h->monobit && h->chi_high && h->chi_low;
}

void health_note(const struct health *h)
{
	note("rct run %u%s, apt max %u%s, ones %+ld%s, chi2 %.1f%s; ",
	     h->rct_max, h->rct ? "" : " FAIL", h->apt_max,
	     h->apt ? "" : " FAIL", h->ones_dev, h->monobit ? "" : " FAIL",
	     h->chi2, h->chi_high && h->chi_low ? "" : " FAIL");
}
