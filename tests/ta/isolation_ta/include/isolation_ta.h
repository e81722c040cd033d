/*
 * Interface of isolation_ta, a test TA that misbehaves on request (shared
 * with the in-guest test client). Multi-instance: every session has an
 * instance of its own. Addresses are 64-bit, low half in value.a, high half
 * in value.b. Parameter use per command:
 *
 * ISO_CMD_READ_ADDR       [0] VALUE_INPUT address: reads a byte there,
 *                         [1] VALUE_OUTPUT a = the byte (if it survives).
 * ISO_CMD_WRITE_OWN_CODE  no parameters: writes to its own code.
 * ISO_CMD_EXEC_STACK      no parameters: branches to a `ret` on its stack.
 * ISO_CMD_EXEC_HEAP       no parameters: branches to a `ret` in TEE_Malloc
 *                         memory.
 * ISO_CMD_STACK_OVERFLOW  no parameters: unbounded recursion.
 * ISO_CMD_SYSCALL_BAD_PTR [0] VALUE_INPUT address, [1] VALUE_INPUT a = 0:
 *                         TEE_CheckMemoryAccessRights(READ, address, 16),
 *                         1: the same for WRITE, 2: TEE_GenerateRandom
 *                         (address, 16); returns the result (TEE_SUCCESS
 *                         for TEE_GenerateRandom if it returns).
 * ISO_CMD_REPORT_ADDRS    [0] VALUE_OUTPUT a local variable's address,
 *                         [1] VALUE_OUTPUT a global's, [2] VALUE_OUTPUT a
 *                         function's; [3] VALUE_OUTPUT a = the global's
 *                         value (ISO_GLOBAL_MAGIC).
 */
#ifndef ISOLATION_TA_H
#define ISOLATION_TA_H

/* 3202eaac-fba0-4d12-a511-a213c73de886 */
/* clang-format off */
#define ISOLATION_TA_UUID \
	{ 0x3202eaac, 0xfba0, 0x4d12, \
		{ 0xa5, 0x11, 0xa2, 0x13, 0xc7, 0x3d, 0xe8, 0x86 } }
/* clang-format on */

#define ISO_CMD_READ_ADDR 0
#define ISO_CMD_WRITE_OWN_CODE 1
#define ISO_CMD_EXEC_STACK 2
#define ISO_CMD_EXEC_HEAP 3
#define ISO_CMD_STACK_OVERFLOW 4
#define ISO_CMD_SYSCALL_BAD_PTR 5
#define ISO_CMD_REPORT_ADDRS 6

#define ISO_GLOBAL_MAGIC 0x150a7ed5u

#endif
