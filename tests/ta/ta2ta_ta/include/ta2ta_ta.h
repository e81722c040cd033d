/*
 * Interface of ta2ta_ta, the test TA for TA-to-TA sessions (shared with
 * the in-guest test client). Multi-instance: each session, including the
 * ones it opens to itself, gets its own instance. Parameter use:
 *
 * As a callee:
 * T2T_CMD_REVERSE        [0] MEMREF_INOUT: reversed in place.
 * T2T_CMD_WHO_CALLED     [0] VALUE_OUTPUT a = client login,
 *                        [1] MEMREF_OUTPUT 16 bytes: the client's TEE_UUID
 *                        (gpd.client.identity).
 * T2T_CMD_PANIC          TEE_Panic(T2T_PANIC_CODE).
 * T2T_CMD_SHORT          [0] MEMREF_OUTPUT: size set to T2T_SHORT_NEED,
 *                        returns TEE_ERROR_SHORT_BUFFER.
 * T2T_CMD_ADD            [0] VALUE_INOUT a += b.
 * As a caller (each opens a session to a fresh instance of itself unless
 * said otherwise, and closes it again):
 * T2T_CMD_CHAIN_REVERSE  [0] MEMREF_INOUT: passed on to T2T_CMD_REVERSE.
 * T2T_CMD_CALLEE_IDENTITY [0] VALUE_OUTPUT a = login the callee saw, b = 1
 *                        if the UUID it saw is this TA's gpd.ta.appID.
 * T2T_CMD_RECURSE        [0] VALUE_INOUT in a = depth of this instance;
 *                        out a = deepest depth reached, b = the result of
 *                        the open that failed there.
 * T2T_CMD_CALLEE_PANIC   [0] VALUE_OUTPUT a/b = result/origin of invoking
 *                        T2T_CMD_PANIC, [1] VALUE_OUTPUT a/b = of invoking
 *                        T2T_CMD_ADD on the dead callee afterwards.
 * T2T_CMD_OPEN_KEEP      [0] VALUE_OUTPUT a = the handle of a session to
 *                        itself it keeps open (never closes).
 * T2T_CMD_USE_KEPT       [0] VALUE_INOUT: T2T_CMD_ADD through the kept one.
 * T2T_CMD_FORGED_HANDLE  [0] VALUE_INPUT a: invokes T2T_CMD_ADD on session
 *                        handle a (not its own: the core kills it).
 * T2T_CMD_OPEN_UNKNOWN   [0] VALUE_OUTPUT a/b = result/origin of opening
 *                        T2T_UNKNOWN_UUID, [1] VALUE_OUTPUT a = 1 if the
 *                        handle came back TEE_HANDLE_NULL.
 * T2T_CMD_BAD_MEMREF     [0] VALUE_INPUT a/b = low/high address:
 *                        T2T_CMD_REVERSE with a 16-byte memref there,
 *                        [1] VALUE_OUTPUT a/b = result/origin.
 * T2T_CMD_SHORT_VIA      [0] VALUE_OUTPUT a = result of T2T_CMD_SHORT with
 *                        an 8-byte buffer, b = the size it came back with.
 * T2T_CMD_CALL_OTHERS    [0] VALUE_OUTPUT a = the test PTA's ADD of 40+2,
 *                        b = hello_world's INC_VALUE of 41.
 */
#ifndef TA2TA_TA_H
#define TA2TA_TA_H

/* 866cf3d7-cdbe-4adf-bc69-4de357603bc5 */
/* clang-format off */
#define TA2TA_TA_UUID \
	{ 0x866cf3d7, 0xcdbe, 0x4adf, \
		{ 0xbc, 0x69, 0x4d, 0xe3, 0x57, 0x60, 0x3b, 0xc5 } }
#define T2T_UNKNOWN_UUID \
	{ 0x866cf3d7, 0xcdbe, 0x4adf, \
		{ 0xbc, 0x69, 0x4d, 0xe3, 0x57, 0x60, 0x3b, 0x00 } }
/* clang-format on */

#define T2T_CMD_REVERSE 0
#define T2T_CMD_WHO_CALLED 1
#define T2T_CMD_PANIC 2
#define T2T_CMD_SHORT 3
#define T2T_CMD_ADD 4
#define T2T_CMD_CHAIN_REVERSE 10
#define T2T_CMD_CALLEE_IDENTITY 11
#define T2T_CMD_RECURSE 12
#define T2T_CMD_CALLEE_PANIC 13
#define T2T_CMD_OPEN_KEEP 14
#define T2T_CMD_USE_KEPT 15
#define T2T_CMD_FORGED_HANDLE 16
#define T2T_CMD_OPEN_UNKNOWN 17
#define T2T_CMD_BAD_MEMREF 18
#define T2T_CMD_SHORT_VIA 19
#define T2T_CMD_CALL_OTHERS 20

#define T2T_PANIC_CODE 0x7a2a7a2au
#define T2T_SHORT_NEED 100

#endif
