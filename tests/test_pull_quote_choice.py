"""place_pull_quotes: an article that lost its block to a pull quote chooses again, but never a
leftover block another article's block has already adopted (its line would be printed twice)."""
from banmian.model import Line
from banmian.pull_quotes import place_pull_quotes


def head(no: int, text: str) -> Line:
    return Line(no=no, raw=text, text=text, kind="head")


def test_an_adopted_leftover_is_not_chosen_again():
    kicker = head(1, "全城夜晚处处流光溢彩")
    title = head(3, "明亮工程色彩缤纷")
    quote = head(9, "商品供应充足价格平稳")
    # block 0: the kicker, left over and adopted into block 1 (article 0's); block 2: article
    # 1's only block, its pull quote alone
    blocks = [[kicker], [kicker, title], [quote]]
    owner = {1: 0, 2: 1}
    quotes = {id(quote): 1}
    scores = {(0, 1): 0.5, (1, 0): 1.7, (2, 1): 0.9}
    out, new_owner, loose = place_pull_quotes(blocks, owner, quotes, scores)
    assert loose == [quote]
    assert new_owner == {1: 0}  # article 1 finds nothing free: block 0's line is article 0's


def test_a_free_leftover_is_chosen_again():
    other = head(5, "全城夜晚处处流光溢彩")
    title = head(3, "明亮工程色彩缤纷")
    quote = head(9, "商品供应充足价格平稳")
    blocks = [[other], [title], [quote]]
    owner = {1: 0, 2: 1}
    quotes = {id(quote): 1}
    scores = {(0, 1): 0.5, (1, 0): 1.7, (2, 1): 0.9}
    _, new_owner, _ = place_pull_quotes(blocks, owner, quotes, scores)
    assert new_owner == {1: 0, 0: 1}
