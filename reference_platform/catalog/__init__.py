"""A unit's catalog (信息资源目录): wire schemas, JSON representation, and the write rules."""
