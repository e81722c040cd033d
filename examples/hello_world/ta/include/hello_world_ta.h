/* Interface of the hello_world TA, shared with its client. */
#ifndef TA_HELLO_WORLD_H
#define TA_HELLO_WORLD_H

/* 8aaaf200-2450-11e4-abe2-0002a5d5c51b */
/* clang-format off */
#define TA_HELLO_WORLD_UUID \
	{ 0x8aaaf200, 0x2450, 0x11e4, \
		{ 0xab, 0xe2, 0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b } }
/* clang-format on */

/* params[0]: VALUE_INOUT; value.a is incremented / decremented. */
#define TA_HELLO_WORLD_CMD_INC_VALUE 0
#define TA_HELLO_WORLD_CMD_DEC_VALUE 1

#endif
