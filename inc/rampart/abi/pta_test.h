/*
 * The test pseudo TA: a service inside the core used by the in-guest
 * regression suite to exercise the OP-TEE message ABI before real TAs exist.
 * Shared by the core (implementation) and normal-world test programs.
 *
 * UUID e277e082-7ac7-41d5-b570-1167a8ba068f. Parameter types are GP types
 * (TEE_PARAM_TYPE_*: NONE 0, VALUE_INPUT 1, VALUE_OUTPUT 2, VALUE_INOUT 3,
 * MEMREF_INPUT 5, MEMREF_OUTPUT 6, MEMREF_INOUT 7); any other shape gives
 * TEE_ERROR_BAD_PARAMETERS.
 */
#ifndef RAMPART_ABI_PTA_TEST_H
#define RAMPART_ABI_PTA_TEST_H

#define PTA_TEST_UUID_OCTETS                                                   \
	{ 0xe2, 0x77, 0xe0, 0x82, 0x7a, 0xc7, 0x41, 0xd5,                      \
	  0xb5, 0x70, 0x11, 0x67, 0xa8, 0xba, 0x06, 0x8f }

/*
 * [0] VALUE_INPUT a, b  [1] VALUE_OUTPUT
 * out.a = a + b (mod 2^32), out.b = a ^ b.
 */
#define PTA_TEST_CMD_ADD 0

/*
 * [0] MEMREF_INOUT buffer (any size, NULL allowed with size 0)
 * [1] VALUE_OUTPUT
 * out.a/out.b = low/high 32 bits of the FNV-1a 64 hash of the input bytes;
 * then every byte i of the buffer is overwritten with PTA_TEST_PATTERN(i).
 */
#define PTA_TEST_CMD_HASH_AND_PATTERN 1
#define PTA_TEST_FNV64_OFFSET 0xcbf29ce484222325ull
#define PTA_TEST_FNV64_PRIME 0x100000001b3ull
#define PTA_TEST_PATTERN(i) ((unsigned char)(((i) * 7u) ^ ((i) >> 9) ^ 0x5au))

/*
 * [0] VALUE_INPUT a = number of callers N, b = barrier id (callers of one
 * barrier use the same id)
 * Returns TEE_SUCCESS once N callers of barrier b are inside the core at the
 * same time (each waits, yielding to the normal world, until then), or
 * TEE_ERROR_BUSY if that has not happened within 60 s. N must be 1..64.
 */
#define PTA_TEST_CMD_BARRIER 2

/*
 * [0] VALUE_INPUT a = upper bound in milliseconds
 * Busy for up to a ms (staying preemptible by normal-world interrupts);
 * TEE_ERROR_CANCEL as soon as the call is cancelled, TEE_SUCCESS if the
 * bound passes first.
 */
#define PTA_TEST_CMD_LONG_RUNNING 3

/*
 * [0] VALUE_INPUT a = size in bytes (1..1 MiB), b = 0 kernel / 1 application
 * memory. Allocates normal-world memory through RPC (SHM_ALLOC), writes and
 * reads back a pattern, frees it (SHM_FREE).
 */
#define PTA_TEST_CMD_RPC_SHM 4

/*
 * [0] MEMREF_INPUT file name (NUL-terminated, <= 64 bytes)
 * [1] VALUE_OUTPUT a = bytes written and read back
 * REE file system through tee-supplicant: create, write, read back, compare,
 * remove.
 */
#define PTA_TEST_CMD_RPC_FS 5

/*
 * [0] MEMREF_INPUT TA UUID as 16 RFC 4122 octets
 * [1] VALUE_OUTPUT a = size of the .ta file tee-supplicant found
 * LOAD_TA size query; TEE_ERROR_ITEM_NOT_FOUND if there is no such file.
 */
#define PTA_TEST_CMD_RPC_LOAD_TA_SIZE 6

/*
 * [0] VALUE_OUTPUT a = RPMB size multiplier, b = reliable write sector count
 * RPMB GET_DEV_INFO through tee-supplicant's emulated RPMB.
 */
#define PTA_TEST_CMD_RPC_RPMB_INFO 7

/*
 * [0] VALUE_OUTPUT a = number of secure threads, b = how many times a call
 * was refused with ETHREAD_LIMIT since boot
 */
#define PTA_TEST_CMD_STATS 8

/*
 * [0] VALUE_OUTPUT a = seconds, b = nanoseconds: the normal world's time of
 * day through the GET_TIME RPC.
 */
#define PTA_TEST_CMD_RPC_GET_TIME 9

/*
 * [0] VALUE_INPUT a = cases (1..10000)  [1] VALUE_OUTPUT a = cases whose
 * AES with the CPU's instructions differed from mbedTLS's: the core's
 * aes_accel_check(). TEE_ERROR_NOT_SUPPORTED where the core does not use
 * such instructions.
 */
#define PTA_TEST_CMD_AES_ACCEL_CHECK 10

#endif
