/*
 * Interface of bti_ta, the test TA for branch target identification (BTI)
 * and pointer authentication (PAC) in TAs (shared with the in-guest test
 * client). Multi-instance: every session has an instance of its own. The
 * same binary runs on CPUs without BTI/PAuth, where the hint-space
 * instructions it uses are NOPs. 64-bit values: low half in value.a, high
 * half in value.b.
 *
 * BTI_CMD_BAD_LANDING  [0] VALUE_OUTPUT a = 1: branches (br) to an
 *                      instruction that is no landing pad. With BTI and a
 *                      guarded page the TA dies there (Branch Target
 *                      exception); otherwise it returns.
 * BTI_CMD_PAC_CORRUPT  [0] VALUE_OUTPUT a = 2: a function signs its return
 *                      address (paciasp), then the saved copy on the stack
 *                      is overwritten with the bare address (what an
 *                      attacker who knows the layout would write), then it
 *                      authenticates (autiasp) and returns. With PAuth the
 *                      authentication fails and the TA dies (at autiasp
 *                      with FEAT_FPAC, else at the ret); otherwise it
 *                      returns.
 * BTI_CMD_GOOD_PATH    [0] VALUE_OUTPUT a = BTI_GOOD_MAGIC: indirect calls
 *                      (blr) to C functions with landing pads, a br to a
 *                      `bti j`, signed returns: works everywhere.
 * BTI_CMD_PAC_SIGN     [0] VALUE_OUTPUT the pointer BTI_SIGN_PTR signed with
 *                      key IA and modifier BTI_SIGN_MODIFIER (pacia1716):
 *                      unchanged without PAuth, different per instance
 *                      with it (each instance has its own keys).
 */
#ifndef BTI_TA_H
#define BTI_TA_H

/* a41028a0-9527-4595-a0d3-5885df1fcf1b */
/* clang-format off */
#define BTI_TA_UUID \
	{ 0xa41028a0, 0x9527, 0x4595, \
		{ 0xa0, 0xd3, 0x58, 0x85, 0xdf, 0x1f, 0xcf, 0x1b } }
/* The same sources built without BTI/PAC (legacy/): never guarded. */
/* 58a5497c-59c7-498a-89d8-0ea6b6e1045c */
#define BTI_LEGACY_TA_UUID \
	{ 0x58a5497c, 0x59c7, 0x498a, \
		{ 0x89, 0xd8, 0x0e, 0xa6, 0xb6, 0xe1, 0x04, 0x5c } }
/* clang-format on */

#define BTI_CMD_BAD_LANDING 0
#define BTI_CMD_PAC_CORRUPT 1
#define BTI_CMD_GOOD_PATH 2
#define BTI_CMD_PAC_SIGN 3

#define BTI_GOOD_MAGIC 0x600dca11u
#define BTI_SIGN_PTR 0x0000001234567000ull
#define BTI_SIGN_MODIFIER 0x2au

#endif
