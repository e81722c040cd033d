/*
 * The debug pseudo TA: exists for the tests only (tests/guest/tatest's
 * isolation tests). It reveals the core's page pool use and core addresses;
 * that is acceptable because the core is identity mapped at a fixed,
 * public address anyway. Shared by the core and normal-world tests.
 *
 * UUID 1013d987-7656-4c67-938a-45904b1893cf. Parameter types are GP types;
 * any other shape gives TEE_ERROR_BAD_PARAMETERS.
 */
#ifndef RAMPART_ABI_PTA_DEBUG_H
#define RAMPART_ABI_PTA_DEBUG_H

#define PTA_DEBUG_UUID_OCTETS                                                  \
	{ 0x10, 0x13, 0xd9, 0x87, 0x76, 0x56, 0x4c, 0x67,                      \
	  0x93, 0x8a, 0x45, 0x90, 0x4b, 0x18, 0x93, 0xcf }

/*
 * [0] VALUE_OUTPUT a = free pages of the core's page pool (secure memory
 * for TAs), b = its total pages.
 */
#define PTA_DEBUG_CMD_PAGE_POOL_FREE 0

/*
 * [0] VALUE_OUTPUT a/b = low/high 32 bits of a core data address
 * [1] VALUE_OUTPUT a/b = low/high 32 bits of a core text address
 */
#define PTA_DEBUG_CMD_CORE_ADDRS 1

#endif
