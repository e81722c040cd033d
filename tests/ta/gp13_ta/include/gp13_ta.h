/*
 * Interface of gp13_ta, the GP 1.3-mode test TA (shared with the in-guest
 * test client). Parameter use per command:
 *
 * GP13_CMD_REVERSE   [0] MEMREF_INPUT data, [1] MEMREF_OUTPUT out:
 *                    out = data reversed, [1].size = data size;
 *                    TEE_ERROR_SHORT_BUFFER with the needed size in [1]
 *                    when out is too small (or NULL).
 * GP13_CMD_RANDOM    [0] MEMREF_OUTPUT: filled by TEE_GenerateRandom.
 * GP13_CMD_HEAP      [0] VALUE_INPUT a = a block size to exercise,
 *                    [1] VALUE_OUTPUT a = checks passed, b = checks run;
 *                    TEE_SUCCESS only if all passed.
 * GP13_CMD_PROPS     [0] VALUE_OUTPUT a = gpd.ta.dataSize,
 *                    b = 1 if gpd.ta.appID matched the TA's UUID.
 * GP13_CMD_SIZES     [0] VALUE_OUTPUT a = sizeof(TEE_Param.memref.size)
 *                    (8 in GP 1.3 mode), b = sizeof(TEE_Param).
 * GP13_CMD_TIME      [0] VALUE_OUTPUT a = system time seconds, b = millis.
 * GP13_CMD_PANIC     [0] VALUE_INPUT a = panic code: the TA panics.
 * GP13_CMD_CHECKS    [0] VALUE_INPUT a = GP13_SUITE_*, [1] VALUE_OUTPUT
 *                    a = checks passed, b = checks run, [2] MEMREF_OUTPUT
 *                    (may be NULL): the first failed check as text.
 *                    TEE_SUCCESS whenever the suite ran (the core copies
 *                    memref data back only on success).
 * GP13_CMD_MEMREF_ACCESS [0] MEMREF_INPUT (at least 100 bytes),
 *                    [1] MEMREF_OUTPUT (100 bytes .. 1 page), [2]
 *                    VALUE_OUTPUT a = passed, b = run:
 *                    TEE_CheckMemoryAccessRights on the two client buffers;
 *                    on a failure [1] holds the first failed check as text.
 * GP13_CMD_MISUSE    [0] VALUE_INPUT a = GP13_MISUSE_*: calls the API the
 *                    way GP says must panic the TA; TEE_ERROR_GENERIC if
 *                    it came back.
 * GP13_CMD_INSTANCE_DATA [0] VALUE_INPUT a = GP13_IDATA_*, b = value to
 *                    set, [1] VALUE_OUTPUT a = 1 if TEE_GetInstanceData
 *                    gave data, b = the value it points to.
 * GP13_CMD_TA_TIME   [0] VALUE_INPUT a = GP13_TIME_*, b = seconds to set,
 *                    [1] VALUE_INOUT in a = millis to set; out a = seconds,
 *                    b = millis of the TA persistent time read, [2]
 *                    VALUE_OUTPUT a = the TEE_Result of the last API call.
 * GP13_CMD_CLIENT_ID [0] VALUE_OUTPUT a = TEE_GetPropertyAsIdentity's
 *                    result for gpd.client.identity, b = the login,
 *                    [1] MEMREF_OUTPUT 16 bytes: the UUID as RFC 4122
 *                    octets, [2] MEMREF_OUTPUT: the property as a string.
 * GP13_CMD_REE_TIME  [0] VALUE_OUTPUT a = TEE_GetREETime seconds, b = millis.
 * GP13_CMD_CANCEL_WAIT [0] VALUE_OUTPUT a = GP13_CW_* bits observed,
 *                    b = 100 ms waits until TEE_Wait was cancelled. The
 *                    client requests cancellation while this runs (it
 *                    gives up after 60 s).
 *
 * Opening a session with [0] VALUE_INPUT a = GP13_OPEN_PANIC makes
 * TA_OpenSessionEntryPoint panic.
 */
#ifndef GP13_TA_H
#define GP13_TA_H

/* 40c51987-3c41-4c2c-8de6-3246fa4ef158 */
/* clang-format off */
#define GP13_TA_UUID \
	{ 0x40c51987, 0x3c41, 0x4c2c, \
		{ 0x8d, 0xe6, 0x32, 0x46, 0xfa, 0x4e, 0xf1, 0x58 } }
/* clang-format on */

#define GP13_CMD_REVERSE 0
#define GP13_CMD_RANDOM 1
#define GP13_CMD_HEAP 2
#define GP13_CMD_PROPS 3
#define GP13_CMD_SIZES 4
#define GP13_CMD_TIME 5
#define GP13_CMD_PANIC 6
#define GP13_CMD_CHECKS 7
#define GP13_CMD_MEMREF_ACCESS 8
#define GP13_CMD_MISUSE 9
#define GP13_CMD_INSTANCE_DATA 10
#define GP13_CMD_TA_TIME 11
#define GP13_CMD_CLIENT_ID 12
#define GP13_CMD_CANCEL_WAIT 13
#define GP13_CMD_REE_TIME 14

/* GP13_CMD_CHECKS suites */
#define GP13_SUITE_PROPS_TA 0	  /* every gpd.ta.* and extra property */
#define GP13_SUITE_PROPS_TEE 1	  /* every gpd.tee.* property */
#define GP13_SUITE_PROPS_CLIENT 2 /* gpd.client.* */
#define GP13_SUITE_PROP_ENUM 3	  /* enumerators */
#define GP13_SUITE_PROP_CONVERT 4 /* conversions, SHORT_BUFFER, NOT_FOUND */
#define GP13_SUITE_MEM_ACCESS 5	  /* TEE_CheckMemoryAccessRights */
#define GP13_SUITE_MEM_API 6	  /* TEE_Malloc..TEE_MemFill */
#define GP13_SUITE_CANCEL_MASK 7  /* mask/unmask results, no request */
#define GP13_SUITE_RANDOM 8	  /* TEE_GenerateRandom edge cases */
#define GP13_SUITE_RAW_SYSCALLS 9 /* bad pointers to time/identity calls */
#define GP13_SUITE_TIME 10	  /* system time, TEE_Wait */
#define GP13_SUITE_COUNT 11

/* GP13_CMD_MISUSE: each must panic the TA */
#define GP13_MISUSE_BAD_PROPSET 0      /* GetPropertyAsU32(0x1234, ...) */
#define GP13_MISUSE_FREED_ENUM 1       /* GetNextProperty after Free */
#define GP13_MISUSE_START_BAD_SET 2    /* StartPropertyEnumerator(e, 7) */
#define GP13_MISUSE_NULL_NAME 3	       /* propset with a NULL name */
#define GP13_MISUSE_NULL_VALUE 4       /* GetPropertyAsBool(.., NULL) */
#define GP13_MISUSE_NULL_LEN 5	       /* GetPropertyAsString(.., NULL) */
#define GP13_MISUSE_FREE_BAD_ENUM 6    /* FreePropertyEnumerator(forged) */
#define GP13_MISUSE_NAME_BAD_ENUM 7    /* GetPropertyName(propset) */
#define GP13_MISUSE_RESET_BAD_ENUM 8   /* ResetPropertyEnumerator(forged) */
#define GP13_MISUSE_ALLOC_NULL 9       /* AllocatePropertyEnumerator(NULL) */
#define GP13_MISUSE_RANDOM_NULL 10     /* TEE_GenerateRandom(NULL, 16) */
#define GP13_MISUSE_SET_TIME_MILLIS 11 /* SetTAPersistentTime {0, 1000} */
#define GP13_MISUSE_GET_TIME_NULL 12   /* GetTAPersistentTime(NULL) */
#define GP13_MISUSE_SET_TIME_NULL 13   /* SetTAPersistentTime(NULL) */
#define GP13_MISUSE_SYSTIME_NULL 14    /* TEE_GetSystemTime(NULL) */
#define GP13_MISUSE_REETIME_NULL 15    /* TEE_GetREETime(NULL) */
#define GP13_MISUSE_FREE_WILD 16       /* TEE_Free(not from TEE_Malloc) */
#define GP13_MISUSE_REALLOC_WILD 17    /* TEE_Realloc(not from TEE_Malloc) */
#define GP13_MISUSE_PANIC_ZERO 18      /* TEE_Panic(0) */
#define GP13_MISUSE_BINARY_NULL_LEN 19 /* GetPropertyAsBinaryBlock NULL len */
#define GP13_MISUSE_VALUE_RODATA 20    /* GetPropertyAsU32 into rodata */
#define GP13_MISUSE_COUNT 21

/* GP13_CMD_INSTANCE_DATA operations */
#define GP13_IDATA_GET 0
#define GP13_IDATA_SET 1   /* a heap copy of b */
#define GP13_IDATA_CLEAR 2 /* TEE_SetInstanceData(NULL) */

/* GP13_CMD_TA_TIME operations */
#define GP13_TIME_GET 0
#define GP13_TIME_SET 1	 /* then read back */
#define GP13_TIME_WRAP 2 /* set UINT32_MAX.999, TEE_Wait(10), read */

/* GP13_CMD_CANCEL_WAIT observations */
#define GP13_CW_MASKED_AT_ENTRY 0x01	/* Unmask returned true */
#define GP13_CW_WAIT_CANCELLED 0x02	/* TEE_Wait gave TEE_ERROR_CANCEL */
#define GP13_CW_FLAG_SET 0x04		/* GetCancellationFlag true */
#define GP13_CW_MASK_HIDES_FLAG 0x08	/* masked again: flag false */
#define GP13_CW_MASKED_WAIT_RUNS 0x10	/* masked TEE_Wait(50): SUCCESS */
#define GP13_CW_UNMASK_SHOWS_FLAG 0x20	/* unmasked again: flag true */
#define GP13_CW_WAIT_CANCELLED_NOW 0x40 /* next TEE_Wait: CANCEL at once */

#define GP13_OPEN_PANIC 0x0badc0de

#endif
