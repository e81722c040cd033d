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

#endif
