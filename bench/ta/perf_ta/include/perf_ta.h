/*
 * Interface of perf_ta, the symmetric crypto throughput TA of `make bench`
 * (client: bench/guest/cryptobench.c). Like OP-TEE's aes_perf/sha_perf TAs
 * the work happens on a buffer in the TA's own memory, but the TA also runs
 * the iteration loop and times it, so that no world switch is counted.
 *
 * PERF_CMD_AES  [0] VALUE_INPUT a = PERF_AES_*, b = key size in bits
 *               [1] VALUE_INPUT a = buffer size, b = iterations
 *               [2] VALUE_OUTPUT a = elapsed ms (TEE_GetSystemTime)
 *               [3] MEMREF_OUTPUT or NONE: the buffer after the last
 *                   iteration (as much as fits), then for GCM the last tag
 * PERF_CMD_SHA  [0] VALUE_INPUT a = PERF_SHA_*
 *               [1], [2] as above
 *               [3] MEMREF_OUTPUT or NONE: the last digest
 *
 * The buffer starts as buf[i] = i mod 256 and the iterations form a chain,
 * so the output of a run depends on every iteration having happened:
 *   ECB, CBC, CTR  encrypt the buffer in place with TEE_CipherUpdate, one
 *                  operation (CBC chaining and the CTR counter continue
 *                  from one iteration to the next); key bytes 0, 1, 2...,
 *                  IV a0 a1 ... af
 *   XTS            TEE_CipherInit (tweak a0..af) and TEE_CipherDoFinal in
 *                  place per iteration; keys 0, 1, 2... and 80, 81, 82...
 *   GCM            TEE_AEInit and TEE_AEEncryptFinal in place per iteration,
 *                  128-bit tag, no AAD; the 12-byte nonce is a0..a7 then
 *                  the iteration number (from 0) big-endian
 *   SHA            the digest of the buffer, written over the buffer's
 *                  first bytes after each iteration
 * Sizes are multiples of 16 bytes, at most PERF_MAX_BUF.
 */
#ifndef PERF_TA_H
#define PERF_TA_H

/* f73b38ef-796e-43b7-bff5-4a9d60b7bc19 */
/* clang-format off */
#define PERF_TA_UUID \
	{ 0xf73b38ef, 0x796e, 0x43b7, \
		{ 0xbf, 0xf5, 0x4a, 0x9d, 0x60, 0xb7, 0xbc, 0x19 } }
/* clang-format on */

#define PERF_CMD_AES 0
#define PERF_CMD_SHA 1

#define PERF_AES_ECB 0
#define PERF_AES_CBC 1
#define PERF_AES_CTR 2
#define PERF_AES_GCM 3
#define PERF_AES_XTS 4

#define PERF_SHA1 0
#define PERF_SHA256 1
#define PERF_SHA512 2

#define PERF_MAX_BUF (1024 * 1024)

#endif
