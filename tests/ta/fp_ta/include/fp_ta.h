/*
 * Interface of fp_ta, the test TA for FP/SIMD in TAs (shared with the
 * in-guest tests tests/guest/tatest/fp.c and tests/guest/fpcheck.c).
 * Multi-instance. Every command takes
 *   [0] VALUE_INPUT  a = seed (or n), b = milliseconds to TEE_Wait
 *   [1] VALUE_OUTPUT [2] VALUE_OUTPUT  as below
 * and reports in [1].b whether any of its V0-V31/FPCR/FPSR was non-zero
 * when it first looked (each entry must start from a zeroed FP state).
 *
 * FP_CMD_COMPUTE      [1].a/[1].b = high/low word of the bits of
 *                     (double)n / 7.0 (so [1].b is not the entry check
 *                     here: the check goes to [2].b's top bit instead),
 *                     [2].a = bits of (float)n / 3.0f, [2].b low 31 bits =
 *                     NEON sum of ((n + i)^2 + 5) for i = 0..3 (uint32).
 * FP_CMD_PATTERN_WAIT fills V0-V31, FPCR, FPSR from the seed, calls
 *                     TEE_Wait(b) (an RPC when b > 0: the thread leaves
 *                     the secure world and may resume on another CPU),
 *                     [1].a = how many of the 66 values changed.
 * FP_CMD_PATTERN_CRYPTO like PATTERN_WAIT with an 8 KiB AES-CBC
 *                     TEE_CipherUpdate instead of the wait, which the core
 *                     runs in its own FP/SIMD sections where the CPU has
 *                     AES instructions; [2].a = 1 if the ciphertext was
 *                     the same as a second run's (sanity of the data).
 * FP_CMD_CLOBBER      overwrites V0-V31, FPCR and FPSR.
 * FP_CMD_CONTROL      like PATTERN_WAIT with FP_CMD_CLOBBER's work (seed b)
 *                     instead of the wait: [1].a must be FP_CONTROL_CHANGED,
 *                     showing that the check sees a clobber.
 * FP_CMD_TA2TA        fills its registers like PATTERN_WAIT, opens a
 *                     session to a fresh instance of itself, invokes
 *                     FP_CMD_CLOBBER there; [1].a = values changed,
 *                     [2].a = the invoke's result, [2].b = the callee's
 *                     entry check (1 if it saw any of the caller's values).
 */
#ifndef FP_TA_H
#define FP_TA_H

/* 8de6c764-871f-41ed-b250-db98055720e9 */
/* clang-format off */
#define FP_TA_UUID \
	{ 0x8de6c764, 0x871f, 0x41ed, \
		{ 0xb2, 0x50, 0xdb, 0x98, 0x05, 0x57, 0x20, 0xe9 } }
#define FP_TA_UUID_OCTETS \
	{ 0x8d, 0xe6, 0xc7, 0x64, 0x87, 0x1f, 0x41, 0xed, \
	  0xb2, 0x50, 0xdb, 0x98, 0x05, 0x57, 0x20, 0xe9 }
/* clang-format on */

#define FP_CMD_COMPUTE 0
#define FP_CMD_PATTERN_WAIT 1
#define FP_CMD_CLOBBER 2
#define FP_CMD_TA2TA 3
#define FP_CMD_CONTROL 4
#define FP_CMD_PATTERN_CRYPTO 5

/*
 * 64 V halves, FPCR and FPSR, less the 8 low halves of V8-V15: the clobber
 * is a function, which the procedure call standard makes keep D8-D15.
 */
#define FP_CONTROL_CHANGED 58

#define FP_COMPUTE_ENTRY_DIRTY 0x80000000u /* in [2].b of FP_CMD_COMPUTE */

#endif
