/* Known answers the misuse scenarios check their results against. */
#ifndef KAT_DATA_H
#define KAT_DATA_H

#include <stdint.h>

extern const uint8_t kat_sha256_abc[32];   /* FIPS 180-4 "abc" */
extern const uint8_t kat_aes128_key[16];   /* SP 800-38A F.1-F.5 */
extern const uint8_t kat_cbc_iv[16];	   /* SP 800-38A F.2 */
extern const uint8_t kat_sp800_38a_pt[64]; /* the four blocks */
extern const uint8_t kat_cbc128_ct[64];	   /* F.2.1 */
extern const uint8_t kat_ecb128_ct[16];	   /* F.1.1, block 1 */
extern const uint8_t kat_gcm_tc2_ct[16];   /* McGrew-Viega test 2 */
extern const uint8_t kat_gcm_tc2_tag[16];
extern const uint8_t kat_hmac_key1[20]; /* RFC 4231 case 1 */
extern const uint8_t kat_hmac256_case1[32];

#endif
