/* Interface of the random TA, shared with its client (host/main.c). */
#ifndef TA_RANDOM_H
#define TA_RANDOM_H

/* 7b14e571-4fab-4dc4-936e-6649ce7ada4a */
/* clang-format off */
#define TA_RANDOM_UUID \
	{ 0x7b14e571, 0x4fab, 0x4dc4, \
		{ 0x93, 0x6e, 0x66, 0x49, 0xce, 0x7a, 0xda, 0x4a } }
/* clang-format on */

/*
 * params[0]: MEMREF_OUTPUT, filled with random bytes from the TEE's
 * generator (TEE_GenerateRandom); its size is the number asked for, at most
 * TA_RANDOM_MAX_SIZE (more gives TEE_ERROR_BAD_PARAMETERS). Zero bytes is
 * allowed and returns nothing.
 */
#define TA_RANDOM_CMD_GENERATE 0

#define TA_RANDOM_MAX_SIZE 4096

#endif
