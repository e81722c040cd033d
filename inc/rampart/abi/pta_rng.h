/*
 * The RNG pseudo TA ("rng.pta"): random bytes for the normal world's
 * kernel, in the shape Linux's optee-rng driver (hwrng "optee-rng") uses.
 * The device-enumeration PTA lists it, so Linux binds the driver by itself.
 * Shared by the core (implementation) and normal-world test programs.
 *
 * UUID ab7a617c-b8e7-4d8f-8301-d09b61036b64 (OP-TEE's RNG PTA, the one UUID
 * optee-rng binds to). Sessions: login PUBLIC (what Linux 6.1's in-kernel
 * clients send) or REE_KERNEL (newer kernels); any other login gets
 * TEE_ERROR_ACCESS_DENIED. No open parameters.
 */
#ifndef RAMPART_ABI_PTA_RNG_H
#define RAMPART_ABI_PTA_RNG_H

#define PTA_RNG_UUID_OCTETS                                                    \
	{                                                                      \
		0xab, 0x7a, 0x61, 0x7c, 0xb8, 0xe7, 0x4d, 0x8f, 0x83, 0x01,    \
			0xd0, 0x9b, 0x61, 0x03, 0x6b, 0x64                     \
	}

/*
 * [0] MEMREF_INOUT, size = bytes wanted, 0..PTA_RNG_MAX_ENTROPY_SIZE
 * Fills the buffer with output of the core's DRBG; size is left as asked.
 * TEE_ERROR_BAD_PARAMETERS: other parameter types, a NULL buffer, or more
 * than PTA_RNG_MAX_ENTROPY_SIZE bytes.
 */
#define PTA_CMD_GET_ENTROPY 0
/* Linux asks at most 4096 bytes per call (its MAX_ENTROPY_REQ_SZ). */
#define PTA_RNG_MAX_ENTROPY_SIZE 4096u

/*
 * [0] VALUE_OUTPUT a = data rate in bytes/s (0: unknown, Linux then never
 * waits), b = quality: bits of entropy per 1024 output bits, what Linux
 * credits to its entropy pool. Rampart reports 1024 when the DRBG was last
 * seeded from the CPU's RNDR and 1 when from the weak timing-jitter
 * fallback (never 0: Linux from 6.2 on reads 0 as "full entropy").
 */
#define PTA_CMD_GET_RNG_INFO 1

#endif
