/* Interface of the counter TA, shared with its client (host/main.c). */
#ifndef TA_COUNTER_H
#define TA_COUNTER_H

/* 671eb512-98bd-4bb3-ad44-f38bacfb1f02 */
/* clang-format off */
#define TA_COUNTER_UUID \
	{ 0x671eb512, 0x98bd, 0x4bb3, \
		{ 0xad, 0x44, 0xf3, 0x8b, 0xac, 0xfb, 0x1f, 0x02 } }
/* clang-format on */

/*
 * One counter per TA instance, and one instance for every client (single
 * instance, multi-session, kept alive after its last session closes).
 * Every command takes params[0] VALUE_OUTPUT and answers with
 *   value.a = the count after the command,
 *   value.b = the sessions open on the instance, the caller's included.
 * Increment past 0xffffffff gives TEE_ERROR_OVERFLOW and leaves the count.
 */
#define TA_COUNTER_CMD_INC 0
#define TA_COUNTER_CMD_GET 1
#define TA_COUNTER_CMD_RESET 2

#endif
