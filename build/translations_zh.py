"""Chinese for every English source string of the window (build/translations.py --fill)."""

ZH: dict[str, str] = {
    # library pane
    "Search past replies and reference material": "搜索以往答复和参考资料（多个词用空格分开）",
    "All sections": "全部部分",
    "Replies and reference": "答复和参考资料",
    "Replies": "答复",
    "Reference": "参考资料",
    "any": "不限",
    "Agency": "单位",
    "Similar past replies": "相似的以往答复",
    "%n paragraph(s) found": "找到 %n 段",
    " · %n letter(s)": " · 共 %n 份",
    "Looking for similar replies…": "正在查找相似答复……",
    "No similar replies found": "没有找到相似的答复",
}
